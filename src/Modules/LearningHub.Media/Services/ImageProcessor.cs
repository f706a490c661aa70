using System.Security.Cryptography;
using LearningHub.Media.Imaging;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LearningHub.Media.Services;

/// <summary>
/// The site's one door to libvips: knows whether it is there, and lets only as many images be
/// processed at once as there are cores, so a burst of uploads cannot take all the memory.
/// Renditions can be made ahead (<see cref="MakeAheadAsync"/>) for an upload that follows: a recipe's images at start.
/// </summary>
public sealed class ImageProcessor
{
    /// <summary>How long renditions made ahead wait for their upload before they are dropped.</summary>
    private static readonly TimeSpan AheadKeptFor = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _slots = new(Math.Max(1, Environment.ProcessorCount));
    private readonly MediaOptions _options;
    private readonly IMemoryCache _cache;
    private readonly Lock _ahead = new();

    public ImageProcessor(IOptions<MediaOptions> options, IMemoryCache cache)
    {
        _options = options.Value;
        _cache = cache;
        Status = VipsImaging.Start(_options.Library);
    }

    public VipsStatus Status { get; }

    public bool Available => Status.Available;

    public ImageHeader ReadHeader(byte[] bytes) => VipsImaging.ReadHeader(bytes);

    /// <summary>The renditions of <paramref name="bytes"/> at <paramref name="widths"/>: made ahead if they were, else made now.</summary>
    public async Task<IReadOnlyList<EncodedRendition>> MakeRenditionsAsync(byte[] bytes, IReadOnlyList<int> widths, CancellationToken cancellationToken)
    {
        // One more SHA-256 of the upload's bytes: little beside decoding and encoding them.
        if (Take(AheadKey(bytes, widths)) is { } ahead)
        {
            try
            {
                return await ahead.WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is ImageProcessingException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Refused or stopped ahead: made again below, so this upload meets (and reports) any problem itself.
            }
        }

        return await MakeAsync(bytes, widths, cancellationToken);
    }

    /// <summary>
    /// Makes the renditions now, for an upload of the same bytes at the same widths that follows within a few minutes
    /// (<see cref="MakeRenditionsAsync"/> then takes them). Asked again for the same before they are taken (two boards'
    /// recipes with the same picture), they are made once and taken by two uploads. Returns them once made, or null if
    /// libvips refused the image (the upload then refuses it); never throws but for cancellation.
    /// </summary>
    public async Task<IReadOnlyList<EncodedRendition>?> MakeAheadAsync(byte[] bytes, IReadOnlyList<int> widths, CancellationToken cancellationToken)
    {
        var key = AheadKey(bytes, widths);
        Task<IReadOnlyList<EncodedRendition>> making;
        lock (_ahead)
        {
            if (_cache.Get(key) is Ahead waiting)
            {
                waiting.Takers++;
                making = waiting.Making;
            }
            else
            {
                making = MakeAsync(bytes, widths, cancellationToken);
                _cache.Set(key, new Ahead(making), AheadKeptFor);
            }
        }

        try
        {
            return await making;
        }
        catch (ImageProcessingException)
        {
            // The upload makes them again and reports the problem.
            return null;
        }
    }

    /// <summary>Whether renditions made ahead are waiting for an upload of these bytes at these widths.</summary>
    internal bool IsMadeAhead(byte[] bytes, IReadOnlyList<int> widths) => _cache.TryGetValue(AheadKey(bytes, widths), out _);

    /// <summary>Renditions made ahead for one more upload, if any wait; the last upload they were made for removes them.</summary>
    private Task<IReadOnlyList<EncodedRendition>>? Take((string, string, string) key)
    {
        lock (_ahead)
        {
            if (_cache.Get(key) is not Ahead waiting)
            {
                return null;
            }

            if (--waiting.Takers == 0)
            {
                _cache.Remove(key);
            }

            return waiting.Making;
        }
    }

    /// <summary>Renditions being made, or made, ahead, and how many uploads are still to take them.</summary>
    private sealed class Ahead(Task<IReadOnlyList<EncodedRendition>> making)
    {
        public Task<IReadOnlyList<EncodedRendition>> Making { get; } = making;

        public int Takers { get; set; } = 1;
    }

    private async Task<IReadOnlyList<EncodedRendition>> MakeAsync(byte[] bytes, IReadOnlyList<int> widths, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            // CPU-bound native work: off the request thread's synchronisation context, one slot per core.
            return await Task.Run(() => VipsImaging.MakeRenditions(bytes, widths, _options.WebpQuality, _options.JpegQuality), cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>The same bytes at the same widths (the qualities are the site's, the same for both).</summary>
    private static (string, string, string) AheadKey(byte[] bytes, IReadOnlyList<int> widths) =>
        ("media-renditions-ahead", Convert.ToHexString(SHA256.HashData(bytes)), string.Join(',', widths));
}
