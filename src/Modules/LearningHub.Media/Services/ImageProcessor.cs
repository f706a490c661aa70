using LearningHub.Media.Imaging;
using Microsoft.Extensions.Options;

namespace LearningHub.Media.Services;

/// <summary>
/// The site's one door to libvips: knows whether it is there, and lets only as many images be
/// processed at once as there are cores, so a burst of uploads cannot take all the memory.
/// </summary>
public sealed class ImageProcessor
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, Environment.ProcessorCount));
    private readonly MediaOptions _options;

    public ImageProcessor(IOptions<MediaOptions> options)
    {
        _options = options.Value;
        Status = VipsImaging.Start(_options.Library);
    }

    public VipsStatus Status { get; }

    public bool Available => Status.Available;

    public ImageHeader ReadHeader(byte[] bytes) => VipsImaging.ReadHeader(bytes);

    public async Task<IReadOnlyList<EncodedRendition>> MakeRenditionsAsync(byte[] bytes, IReadOnlyList<int> widths, CancellationToken cancellationToken)
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
}
