using LearningHub.Media.Imaging;

namespace LearningHub.Media.Services;

/// <summary>The <c>Media</c> configuration section.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Rendition widths in pixels. Only these can be requested: nobody can make the server resize at will.</summary>
    public int[] Widths { get; set; } = [320, 640, 1280];

    /// <summary>Largest upload accepted, in bytes (10 MB).</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Largest document accepted in the resources library, in bytes (10 MB, as images). The host keeps posted files up
    /// to the largest of the modules' limits in memory, so raising this raises what every upload form reads before refusing.
    /// </summary>
    public long MaxResourceBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest image accepted, in pixels (width × height) as its header states, checked before decoding.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    public int WebpQuality { get; set; } = 80;

    public int JpegQuality { get; set; } = 82;

    /// <summary>
    /// The libvips library file looked for at start: the copy NetVips.Native.linux-x64 bundles. Set to a
    /// file that does not exist to run without image processing (as on a platform the package does not cover).
    /// </summary>
    public string Library { get; set; } = VipsImaging.Library;

    /// <summary>The widths in ascending order, without duplicates or nonsense values.</summary>
    public IReadOnlyList<int> SortedWidths => Widths.Where(w => w is > 0 and <= 8000).Distinct().Order().ToList();
}
