using System.Runtime.InteropServices;

namespace LearningHub.Media.Imaging;

/// <summary>An image's size as its header states it, read without decoding any pixels.</summary>
/// <param name="Orientation">EXIF orientation, 1 (upright) to 8; 5 to 8 turn the image a quarter, swapping width and height.</param>
public sealed record ImageHeader(int Width, int Height, int Bands, int Pages, int Orientation = 1)
{
    public long Pixels => (long)Width * Height;

    public bool QuarterTurned => Orientation is >= 5 and <= 8;

    /// <summary>Width once shown the right way up (renditions are rotated upright).</summary>
    public int UprightWidth => QuarterTurned ? Height : Width;

    public int UprightHeight => QuarterTurned ? Width : Height;
}

/// <summary>One rendition width as encoded: the configured width it is named by, its real size and its bytes.</summary>
public sealed record EncodedRendition(int Width, int ActualWidth, int ActualHeight, byte[] Webp, byte[] Jpeg);

/// <summary>libvips refused an image (corrupt, truncated, unsupported); the message is libvips' own.</summary>
public sealed class ImageProcessingException(string message) : Exception(message);

/// <summary>Whether libvips could be loaded and started, and which version it is.</summary>
public sealed record VipsStatus(bool Available, string? Version, string? Problem);

/// <summary>
/// LearningHub's whole use of libvips: start it once, read a header, make renditions. Every native
/// handle is released before a method returns, and the caller's bytes stay pinned while libvips may
/// read them (images are lazy: a thumbnail reads its source while it is being saved).
/// </summary>
public static unsafe class VipsImaging
{
    /// <summary>
    /// libwebp's effort (0-6; libvips' default is 4). Measured on a 1280-pixel rendition: effort 2 encodes
    /// about 3x faster than 4 for a file about 7% larger, and encoding WebP is the largest part of an upload.
    /// </summary>
    public const int WebpEffort = 2;

    private static readonly Lock StartLock = new();
    private static VipsStatus? _status;

    /// <summary>
    /// Loads and starts libvips once per process. <paramref name="library"/> is the file probed for
    /// (normally <see cref="VipsNative.Library"/>); a missing file gives an unavailable status with a
    /// message saying what to install, never an exception.
    /// </summary>
    public static VipsStatus Start(string library = VipsNative.Library)
    {
        if (!NativeLibrary.TryLoad(library, typeof(VipsImaging).Assembly, null, out var handle))
        {
            return new VipsStatus(false, null,
                $"libvips ({library}) is not installed, so images cannot be processed. Install the Debian package libvips42 (apt-get install libvips42).");
        }

        NativeLibrary.Free(handle);
        lock (StartLock)
        {
            if (_status is not null)
            {
                return _status;
            }

            try
            {
                // No loadable modules (ImageMagick, PDF, OpenSlide, HEIF, JPEG XL): JPEG, PNG, WebP and GIF
                // are built into libvips itself. The modules are attack surface we do not need, and they are
                // loaded into the global symbol scope, where OpenSlide's system libsqlite3 displaced EF Core's
                // bundled SQLite and crashed the next query. libvips finds modules under $VIPSHOME/lib, so
                // point it at a folder that has none (overwrite 0: an operator's own VIPSHOME wins).
                VipsNative.setenv("VIPSHOME", Path.Combine(AppContext.BaseDirectory, "no-vips-modules"), 0);
                if (VipsNative.vips_init("learninghub") != 0)
                {
                    return _status = new VipsStatus(false, null, $"libvips did not start: {TakeError()}");
                }

                // Operation caching helps interactive tools; a server decoding untrusted uploads should not
                // keep images around between requests.
                VipsNative.vips_cache_set_max(0);
                var version = $"{VipsNative.vips_version(0)}.{VipsNative.vips_version(1)}.{VipsNative.vips_version(2)}";
                return _status = new VipsStatus(true, version, null);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                return _status = new VipsStatus(false, null, $"libvips could not be used: {ex.Message}");
            }
        }
    }

    /// <summary>
    /// Every entry point starts libvips our way first: any other first call would make libvips start
    /// itself, with its loadable modules (see <see cref="Start"/>).
    /// </summary>
    private static void EnsureStarted()
    {
        var status = Start();
        if (!status.Available)
        {
            throw new ImageProcessingException(status.Problem ?? "libvips is not available.");
        }
    }

    /// <summary>Reads width, height, bands and page count from the header only; no pixel is decoded.</summary>
    public static ImageHeader ReadHeader(ReadOnlySpan<byte> bytes)
    {
        EnsureStarted();
        fixed (byte* data = bytes)
        {
            var image = VipsNative.vips_image_new_from_buffer(data, (nuint)bytes.Length, "access=sequential", 0);
            if (image == 0)
            {
                throw new ImageProcessingException(TakeError());
            }

            try
            {
                var orientation = VipsNative.vips_image_get_int(image, "orientation", out var value) == 0 ? value : 1;
                VipsNative.vips_error_clear();
                return new ImageHeader(
                    VipsNative.vips_image_get_width(image),
                    VipsNative.vips_image_get_height(image),
                    VipsNative.vips_image_get_bands(image),
                    VipsNative.vips_image_get_n_pages(image),
                    orientation);
            }
            finally
            {
                VipsNative.g_object_unref(image);
            }
        }
    }

    /// <summary>
    /// One rendition per width, rotated upright, never enlarged, saved as WebP and as JPEG with no
    /// metadata; transparent areas become white in the JPEG. The upload is decoded once, by
    /// <c>vips_thumbnail_buffer</c> at the largest width: it shrinks while decoding (a JPEG's DCT
    /// scaling decodes a 4000-pixel photo straight to 2000 pixels; WebP likewise; a GIF's first frame
    /// only). The smaller renditions are resized from that, in memory.
    /// </summary>
    public static IReadOnlyList<EncodedRendition> MakeRenditions(ReadOnlySpan<byte> bytes, IEnumerable<int> widths,
        int webpQuality = 80, int jpegQuality = 82)
    {
        EnsureStarted();
        var ordered = widths.Distinct().OrderDescending().ToList();
        if (ordered.Count == 0)
        {
            return [];
        }

        nint largest;
        fixed (byte* data = bytes)
        {
            // Fail on a truncated file rather than fill the missing part with grey.
            if (VipsNative.vips_thumbnail_buffer(data, (nuint)bytes.Length, out var thumbnail, ordered[0],
                    "height", VipsNative.MaxCoord, "size", VipsNative.SizeDown, "option_string", "fail_on=truncated", 0) != 0)
            {
                throw new ImageProcessingException(TakeError());
            }

            // Computed while the upload is still pinned; from here on only our in-memory copy is read.
            try
            {
                largest = PixelsOnly(thumbnail);
            }
            finally
            {
                VipsNative.g_object_unref(thumbnail);
            }
        }

        var renditions = new List<EncodedRendition>();
        try
        {
            foreach (var width in ordered)
            {
                var rendered = largest;
                if (width != ordered[0])
                {
                    if (VipsNative.vips_thumbnail_image(largest, out var smaller, width, "height", VipsNative.MaxCoord, "size", VipsNative.SizeDown, 0) != 0)
                    {
                        throw new ImageProcessingException(TakeError());
                    }

                    rendered = PixelsOnly(smaller);
                    VipsNative.g_object_unref(smaller);
                }

                try
                {
                    renditions.Add(Encode(rendered, width, webpQuality, jpegQuality));
                }
                finally
                {
                    if (rendered != largest)
                    {
                        VipsNative.g_object_unref(rendered);
                    }
                }
            }
        }
        finally
        {
            VipsNative.g_object_unref(largest);
        }

        renditions.Reverse();
        return renditions;
    }

    /// <summary>
    /// The same renditions made the way a library without shrink-on-load does it: decode the whole
    /// image at full size into memory, then resize. Only the benchmark uses it, to compare.
    /// </summary>
    public static IReadOnlyList<EncodedRendition> MakeRenditionsFromFullDecode(ReadOnlySpan<byte> bytes, IEnumerable<int> widths,
        int webpQuality = 80, int jpegQuality = 82)
    {
        EnsureStarted();
        var renditions = new List<EncodedRendition>();
        fixed (byte* data = bytes)
        {
            var lazy = VipsNative.vips_image_new_from_buffer(data, (nuint)bytes.Length, "", 0);
            if (lazy == 0)
            {
                throw new ImageProcessingException(TakeError());
            }

            var full = VipsNative.vips_image_copy_memory(lazy);
            VipsNative.g_object_unref(lazy);
            if (full == 0)
            {
                throw new ImageProcessingException(TakeError());
            }

            try
            {
                var originalWidth = VipsNative.vips_image_get_width(full);
                foreach (var width in widths)
                {
                    var scale = Math.Min(1.0, (double)width / originalWidth);
                    if (VipsNative.vips_resize(full, out var resized, scale, 0) != 0)
                    {
                        throw new ImageProcessingException(TakeError());
                    }

                    var rendered = PixelsOnly(resized);
                    VipsNative.g_object_unref(resized);
                    try
                    {
                        renditions.Add(Encode(rendered, width, webpQuality, jpegQuality));
                    }
                    finally
                    {
                        VipsNative.g_object_unref(rendered);
                    }
                }
            }
            finally
            {
                VipsNative.g_object_unref(full);
            }
        }

        return renditions;
    }

    /// <summary>The most memory libvips has held at once since the process started (its own pixel buffers).</summary>
    public static long PeakTrackedMemory => (long)VipsNative.vips_tracked_get_mem_highwater();

    /// <summary>Encodes 8-bit pixels (RGB or RGBA, row by row) as PNG or JPEG: for tests, benchmarks and generated patterns.</summary>
    public static byte[] EncodePixels(byte[] pixels, int width, int height, int bands, ImageKind kind, int jpegQuality = 90)
    {
        EnsureStarted();
        fixed (byte* data = pixels)
        {
            var image = VipsNative.vips_image_new_from_memory(data, (nuint)pixels.Length, width, height, bands, VipsNative.FormatUchar);
            if (image == 0)
            {
                throw new ImageProcessingException(TakeError());
            }

            try
            {
                nint buffer;
                nuint length;
                var result = kind switch
                {
                    ImageKind.Png => VipsNative.vips_pngsave_buffer(image, out buffer, out length, "strip", 1, 0),
                    ImageKind.Jpeg => VipsNative.vips_jpegsave_buffer(image, out buffer, out length, "Q", jpegQuality, "strip", 1,
                        "interlace", 0, "optimize_coding", 0, 0),
                    ImageKind.WebP => VipsNative.vips_webpsave_buffer(image, out buffer, out length, "Q", 90, "strip", 1, "effort", WebpEffort, 0),
                    _ => throw new ArgumentOutOfRangeException(nameof(kind), "GIF is read, never written."),
                };
                return result == 0 ? TakeBuffer(buffer, length) : throw new ImageProcessingException(TakeError());
            }
            finally
            {
                VipsNative.g_object_unref(image);
            }
        }
    }

    /// <summary>
    /// Computes the image and copies only its pixels into a new image. The thumbnail is a sequential
    /// pipeline that can be read once, and it is small (one rendition), so holding it lets both formats
    /// be saved from it. Leaving every metadata field behind means no EXIF (GPS position, camera serial),
    /// XMP or IPTC from the upload can reach a rendition, whatever a saver does with <c>strip</c> (the
    /// savers rebuild EXIF from <c>exif-ifd*</c> fields; libvips 8.14.1's WebP saver ignores <c>strip</c>).
    /// </summary>
    private static nint PixelsOnly(nint image)
    {
        var pixels = VipsNative.vips_image_write_to_memory(image, out var size);
        if (pixels == 0)
        {
            throw new ImageProcessingException(TakeError());
        }

        try
        {
            var copy = VipsNative.vips_image_new_from_memory_copy((void*)pixels, size, VipsNative.vips_image_get_width(image),
                VipsNative.vips_image_get_height(image), VipsNative.vips_image_get_bands(image), VipsNative.vips_image_get_format(image));
            return copy != 0 ? copy : throw new ImageProcessingException(TakeError());
        }
        finally
        {
            VipsNative.g_free(pixels);
        }
    }

    private static EncodedRendition Encode(nint image, int width, int webpQuality, int jpegQuality)
    {
        var actualWidth = VipsNative.vips_image_get_width(image);
        var actualHeight = VipsNative.vips_image_get_height(image);
        if (VipsNative.vips_webpsave_buffer(image, out var webp, out var webpLength, "Q", webpQuality, "strip", 1, "effort", WebpEffort, 0) != 0)
        {
            throw new ImageProcessingException(TakeError());
        }

        var webpBytes = WebpMetadata.Strip(TakeBuffer(webp, webpLength));
        var opaque = FlattenOnWhite(image);
        try
        {
            if (VipsNative.vips_jpegsave_buffer(opaque, out var jpeg, out var jpegLength, "Q", jpegQuality, "strip", 1,
                    "interlace", 1, "optimize_coding", 1, 0) != 0)
            {
                throw new ImageProcessingException(TakeError());
            }

            return new EncodedRendition(width, actualWidth, actualHeight, webpBytes, TakeBuffer(jpeg, jpegLength));
        }
        finally
        {
            if (opaque != image)
            {
                VipsNative.g_object_unref(opaque);
            }
        }
    }

    /// <summary>JPEG has no transparency; libvips would flatten onto black, which hides dark diagrams.</summary>
    private static nint FlattenOnWhite(nint image)
    {
        if (VipsNative.vips_image_hasalpha(image) == 0)
        {
            return image;
        }

        // One value is applied to every band, so grey and colour images alike get white.
        var white = stackalloc double[] { 255 };
        var background = VipsNative.vips_array_double_new(white, 1);
        try
        {
            return VipsNative.vips_flatten(image, out var flattened, "background", background, 0) == 0
                ? flattened
                : throw new ImageProcessingException(TakeError());
        }
        finally
        {
            VipsNative.vips_area_unref(background);
        }
    }

    private static byte[] TakeBuffer(nint buffer, nuint length)
    {
        try
        {
            return new ReadOnlySpan<byte>((void*)buffer, checked((int)length)).ToArray();
        }
        finally
        {
            VipsNative.g_free(buffer);
        }
    }

    /// <summary>libvips' error text for the last failure, cleared so the next failure starts afresh.</summary>
    internal static string TakeError()
    {
        var text = Marshal.PtrToStringUTF8(VipsNative.vips_error_buffer())?.Trim();
        VipsNative.vips_error_clear();
        return string.IsNullOrEmpty(text) ? "libvips reported an error without a message." : text;
    }
}
