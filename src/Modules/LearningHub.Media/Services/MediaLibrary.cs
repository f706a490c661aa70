using System.Security.Cryptography;
using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Media.Domain;
using LearningHub.Media.Imaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningHub.Media.Services;

/// <summary>A file someone chose to upload, read into memory (uploads are capped at <see cref="MediaOptions.MaxUploadBytes"/>).</summary>
public sealed record UploadedFile(string FileName, byte[] Bytes);

/// <summary>Who did it, for the library's "uploaded by".</summary>
public sealed record MediaActor(string UserId, string Name);

/// <summary>The outcome of an upload or replace: the asset, or the message to show against the file field.</summary>
public sealed record MediaUploadResult(MediaAsset? Asset, string? Error)
{
    public bool Succeeded => Asset is not null;

    public static MediaUploadResult Refused(string error) => new(null, error);
}

/// <summary>The outcome of a delete: refused while the image is used, with the places it is used.</summary>
public sealed record MediaDeleteResult(bool Deleted, IReadOnlyList<MediaUsage> UsedIn);

/// <summary>
/// The board's media library: upload (checked by bytes, size and pixel count before decoding), replace,
/// delete, search, and the images other modules show. Acts for the current board only.
/// </summary>
public sealed class MediaLibrary(
    LearningHubDbContext db,
    BoardContext boards,
    ImageProcessor processor,
    MediaFileStore files,
    IEnumerable<IMediaUsageSource> usageSources,
    IOptions<MediaOptions> options,
    TimeProvider clock,
    AuditLog audit,
    ILogger<MediaLibrary> logger)
{
    private readonly MediaOptions _options = options.Value;

    public bool CanProcessImages => processor.Available;

    public MediaOptions Options => _options;

    /// <summary>An image ready to render, or null if there is none with this id on the current board.</summary>
    public async Task<MediaImage?> FindImageAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var asset = await db.Set<MediaAsset>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return asset is null ? null : ToImage(asset);
    }

    /// <summary>Several images at once (a catalogue of modules with covers), by id; missing ids are left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, MediaImage>> FindImagesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, MediaImage>();
        }

        var assets = await db.Set<MediaAsset>().AsNoTracking().Where(a => wanted.Contains(a.Id)).ToListAsync(cancellationToken);
        return assets.ToDictionary(a => a.Id, ToImage);
    }

    public Task<MediaAsset?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<MediaAsset>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>The library, newest first, optionally only images whose name or alt text contains <paramref name="search"/>.</summary>
    public async Task<IReadOnlyList<MediaAsset>> SearchAsync(string? search, int limit = 200, CancellationToken cancellationToken = default)
    {
        var query = db.Set<MediaAsset>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{EscapeLike(search.Trim().ToLowerInvariant())}%";
            query = query.Where(a => EF.Functions.Like(a.OriginalName.ToLower(), pattern, "\\")
                                     || (a.AltText != null && EF.Functions.Like(a.AltText.ToLower(), pattern, "\\")));
        }

        return await query.OrderByDescending(a => a.CreatedUtc).Take(limit).ToListAsync(cancellationToken);
    }

    public MediaImage ToImage(MediaAsset asset) => new(asset.Id, boards.Required.Slug, asset.ContentHash, asset.Width, asset.Height,
        asset.AltText, asset.Decorative, MediaImage.Plan(asset.Width, asset.Height, _options.SortedWidths));

    /// <summary>Every place the image is used, as the modules that use it describe them.</summary>
    public async Task<IReadOnlyList<MediaUsage>> WhereUsedAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var usages = new List<MediaUsage>();
        foreach (var source in usageSources)
        {
            usages.AddRange(await source.FindUsagesAsync([id], cancellationToken));
        }

        return usages.Where(u => u.AssetId == id).ToList();
    }

    public async Task<bool> KeepsOriginalsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<MediaBoardSettings>().AsNoTracking().Select(s => s.KeepOriginals).SingleOrDefaultAsync(cancellationToken);

    public async Task SetKeepOriginalsAsync(bool keep, CancellationToken cancellationToken = default)
    {
        var settings = await db.Set<MediaBoardSettings>().SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new MediaBoardSettings();
            db.Add(settings);
        }

        settings.KeepOriginals = keep;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Checks the file (bytes, size, header pixel count: all before any pixel is decoded), makes the
    /// renditions, writes the files and saves the asset. Nothing is saved if anything is refused.
    /// </summary>
    public async Task<MediaUploadResult> UploadAsync(UploadedFile file, string? altText, bool decorative, MediaActor actor,
        CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(file, cancellationToken);
        if (prepared.Error is not null)
        {
            return MediaUploadResult.Refused(prepared.Error);
        }

        var image = prepared.Image!;
        var existing = await db.Set<MediaAsset>().AsNoTracking().FirstOrDefaultAsync(a => a.ContentHash == image.Hash, cancellationToken);
        if (existing is not null)
        {
            return MediaUploadResult.Refused(MediaMessages.Duplicate(existing.OriginalName));
        }

        var keepOriginal = await KeepsOriginalsAsync(cancellationToken);
        var asset = new MediaAsset
        {
            ContentHash = image.Hash,
            OriginalName = CleanName(file.FileName),
            AltText = decorative ? null : altText?.Trim(),
            Decorative = decorative,
            CreatedByUserId = actor.UserId,
            CreatedByName = actor.Name,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        Apply(asset, image, file, keepOriginal);
        db.Add(asset);
        audit.Record("media.asset.uploaded", Target(asset), new { asset.Width, asset.Height, kind = asset.Kind.ToString(), asset.Decorative },
            new AuditActor(actor.UserId, actor.Name));
        await SaveWithFilesAsync(image, file, keepOriginal, cancellationToken);
        logger.LogInformation("Media {AssetId} uploaded on {Board}: {Width}x{Height} {Kind}", asset.Id, boards.Required.Slug, asset.Width, asset.Height, asset.Kind);
        return new MediaUploadResult(asset, null);
    }

    /// <summary>
    /// Makes the file's renditions now, for an upload or replace of the same file soon after, which then uses them
    /// (a recipe's images, made on the spare core while the recipe's earlier steps write). Nothing is stored; a file
    /// that would be refused is left alone, for the upload to refuse.
    /// </summary>
    public async Task MakeRenditionsAheadAsync(UploadedFile file, CancellationToken cancellationToken = default)
    {
        if (Inspect(file) is { Error: null, Header: { } header })
        {
            await processor.MakeAheadAsync(file.Bytes, Plan(header), cancellationToken);
        }
    }

    /// <summary>A new picture for the same asset: everything that refers to it shows the new one, at new addresses.</summary>
    public async Task<MediaUploadResult> ReplaceAsync(Guid id, UploadedFile file, CancellationToken cancellationToken = default)
    {
        var asset = await db.Set<MediaAsset>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
                    ?? throw new KeyNotFoundException($"No media asset {id} on this board.");
        var prepared = await PrepareAsync(file, cancellationToken);
        if (prepared.Error is not null)
        {
            return MediaUploadResult.Refused(prepared.Error);
        }

        var image = prepared.Image!;
        if (image.Hash == asset.ContentHash)
        {
            return new MediaUploadResult(asset, null);
        }

        var other = await db.Set<MediaAsset>().AsNoTracking().FirstOrDefaultAsync(a => a.ContentHash == image.Hash, cancellationToken);
        if (other is not null)
        {
            return MediaUploadResult.Refused(MediaMessages.Duplicate(other.OriginalName));
        }

        var oldFiles = files.FilesOf(boards.Required.Slug, asset.ContentHash);
        var keepOriginal = await KeepsOriginalsAsync(cancellationToken);
        asset.ContentHash = image.Hash;
        asset.OriginalName = CleanName(file.FileName);
        asset.ReplacedUtc = clock.GetUtcNow().UtcDateTime;
        Apply(asset, image, file, keepOriginal);
        await SaveWithFilesAsync(image, file, keepOriginal, cancellationToken);
        files.Delete(oldFiles);
        return new MediaUploadResult(asset, null);
    }

    public async Task UpdateAltTextAsync(Guid id, string? altText, bool decorative, CancellationToken cancellationToken = default)
    {
        var asset = await db.Set<MediaAsset>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
                    ?? throw new KeyNotFoundException($"No media asset {id} on this board.");
        asset.Decorative = decorative;
        asset.AltText = decorative ? null : altText?.Trim();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes the image and its files, unless a module still uses it.</summary>
    public async Task<MediaDeleteResult> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var asset = await db.Set<MediaAsset>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
                    ?? throw new KeyNotFoundException($"No media asset {id} on this board.");
        var usages = await WhereUsedAsync(id, cancellationToken);
        if (usages.Count > 0)
        {
            return new MediaDeleteResult(false, usages);
        }

        var paths = files.FilesOf(boards.Required.Slug, asset.ContentHash);
        db.Remove(asset);
        audit.Record("media.asset.deleted", Target(asset), new { asset.AltText });
        await db.SaveChangesAsync(cancellationToken);
        files.Delete(paths);
        return new MediaDeleteResult(true, []);
    }

    private sealed record PreparedImage(string Hash, ImageKind Kind, ImageHeader Header, IReadOnlyList<EncodedRendition> Renditions);

    private sealed record Prepared(PreparedImage? Image, string? Error);

    /// <summary>
    /// The checks an upload gets before any pixel is decoded (libvips available, size, image kind by its bytes,
    /// readable header, pixel limit): the message the uploader would see, or null if the file passes them. Lets a
    /// caller with several files (a recipe) refuse them all before storing any.
    /// </summary>
    public string? Check(UploadedFile file) => Inspect(file).Error;

    private sealed record Inspection(ImageKind Kind, ImageHeader? Header, string? Error);

    /// <summary>The checks, cheapest first, up to the header's pixel count.</summary>
    private Inspection Inspect(UploadedFile file)
    {
        if (!processor.Available)
        {
            return new Inspection(default, null, MediaMessages.Unavailable);
        }

        if (file.Bytes.Length == 0)
        {
            return new Inspection(default, null, MediaMessages.NoFile);
        }

        if (file.Bytes.Length > _options.MaxUploadBytes)
        {
            return new Inspection(default, null, MediaMessages.TooLarge(_options.MaxUploadBytes));
        }

        if (ImageSniffer.Sniff(file.Bytes) is not { } kind)
        {
            return new Inspection(default, null, MediaMessages.NotAnImage);
        }

        ImageHeader header;
        try
        {
            header = processor.ReadHeader(file.Bytes);
        }
        catch (ImageProcessingException ex)
        {
            logger.LogInformation("Upload {FileName} refused: libvips could not read its header: {Error}", file.FileName, ex.Message);
            return new Inspection(kind, null, MediaMessages.Unreadable);
        }

        return header.Pixels > _options.MaxPixels
            ? new Inspection(kind, header, MediaMessages.TooManyPixels(header.Width, header.Height, _options.MaxPixels))
            : new Inspection(kind, header, null);
    }

    /// <summary>The checks, cheapest first; pixels are decoded only after the header passed the pixel limit.</summary>
    private async Task<Prepared> PrepareAsync(UploadedFile file, CancellationToken cancellationToken)
    {
        var inspection = Inspect(file);
        if (inspection.Error is not null)
        {
            return new Prepared(null, inspection.Error);
        }

        var (kind, header) = (inspection.Kind, inspection.Header!);
        IReadOnlyList<EncodedRendition> renditions;
        try
        {
            renditions = await processor.MakeRenditionsAsync(file.Bytes, Plan(header), cancellationToken);
        }
        catch (ImageProcessingException ex)
        {
            logger.LogInformation("Upload {FileName} refused: libvips could not decode it: {Error}", file.FileName, ex.Message);
            return new Prepared(null, MediaMessages.Unreadable);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(file.Bytes));
        return new Prepared(new PreparedImage(hash, kind, header, renditions), null);
    }

    /// <summary>The widths an image of this size is made at.</summary>
    private List<int> Plan(ImageHeader header) =>
        MediaImage.Plan(header.UprightWidth, header.UprightHeight, _options.SortedWidths).Select(r => r.Width).ToList();

    private static void Apply(MediaAsset asset, PreparedImage image, UploadedFile file, bool keepOriginal)
    {
        // Renditions are turned upright (EXIF orientation), so the asset records the upright size.
        asset.Width = image.Header.UprightWidth;
        asset.Height = image.Header.UprightHeight;
        asset.Kind = image.Kind;
        asset.ByteSize = file.Bytes.Length;
        asset.OriginalKept = keepOriginal;
    }

    /// <summary>Files first, then the row; if the row cannot be saved the files are removed again.</summary>
    private async Task SaveWithFilesAsync(PreparedImage image, UploadedFile file, bool keepOriginal, CancellationToken cancellationToken)
    {
        var written = await files.WriteAsync(boards.Required.Slug, image.Hash, image.Renditions,
            keepOriginal ? (file.Bytes, image.Kind) : null, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            files.Delete(written);
            throw;
        }
    }

    private static string CleanName(string fileName)
    {
        // Browsers may send a full path (old Edge); keep the last part, and bound it for the column.
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        if (name.Length == 0)
        {
            name = "image";
        }

        return name.Length <= 255 ? name : name[..255];
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static AuditTarget Target(MediaAsset asset) => new("MediaAsset", asset.Id.ToString(), asset.OriginalName);
}
