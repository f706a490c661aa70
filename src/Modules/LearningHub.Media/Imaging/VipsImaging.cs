using System.Runtime.ExceptionServices;
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

/// <summary>How the upload is decoded: the app shrinks on load; the others exist for the benchmark's comparison.</summary>
internal enum DecodeWay
{
    /// <summary>The decoder shrinks as it decodes, streaming into the resize (the app).</summary>
    ShrinkOnLoad,

    /// <summary>Every pixel decoded, streaming into the resize: libvips with shrink-on-load turned off.</summary>
    FullSize,

    /// <summary>Every pixel decoded into memory first, then resized: a library without shrink-on-load.</summary>
    FullSizeInMemory,
}

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
    /// libwebp's effort (0-6; libvips' default is 4). Measured on a 1280-pixel rendition of a 12-megapixel
    /// photo-like image: effort 4 took 380-450 ms, 2 115-155 ms, 1 80-95 ms (files 2-3% larger than at 2,
    /// 5-9% larger than at 4), and the largest WebP is the longest single step after the decode.
    /// </summary>
    public const int WebpEffort = 1;

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
    /// metadata; transparent areas become white in the JPEG. The upload is decoded once, shrinking while
    /// it decodes (see <see cref="LoadShrink"/>), straight to the largest width; each smaller width is
    /// resized in memory from the one above it, and the files are encoded in parallel.
    /// </summary>
    public static IReadOnlyList<EncodedRendition> MakeRenditions(ReadOnlySpan<byte> bytes, IEnumerable<int> widths,
        int webpQuality = 80, int jpegQuality = 82) =>
        MakeRenditions(bytes, widths, webpQuality, jpegQuality, DecodeWay.ShrinkOnLoad);

    /// <summary>
    /// The same renditions, with the decode chosen: the app always shrinks on load; the benchmark also
    /// runs the identical pipeline decoding at full size, to show what shrink-on-load saves.
    /// </summary>
    internal static IReadOnlyList<EncodedRendition> MakeRenditions(ReadOnlySpan<byte> bytes, IEnumerable<int> widths,
        int webpQuality, int jpegQuality, DecodeWay way)
    {
        EnsureStarted();
        var ordered = widths.Distinct().OrderDescending().ToList();
        if (ordered.Count == 0)
        {
            return [];
        }

        // Every rendition is made at exactly the size MediaImage.Plan gives pages for width and height.
        var header = ReadHeader(bytes);
        var sizes = ordered.Select(width =>
        {
            var actual = Math.Min(width, header.UprightWidth);
            return (Width: actual, Height: Math.Max(1, (int)Math.Round((double)header.UprightHeight * actual / header.UprightWidth)));
        }).ToList();
        var images = new nint[ordered.Count];
        try
        {
            fixed (byte* data = bytes)
            {
                var source = Open(data, bytes, way, header, sizes[0].Width);
                try
                {
                    images[0] = Thumbnail(source, sizes[0].Width, sizes[0].Height);
                }
                finally
                {
                    VipsNative.g_object_unref(source);
                }
            }

            // From here on only our in-memory copies are read: the upload need not stay pinned.
            var webp = new byte[ordered.Count][];
            var jpeg = new byte[ordered.Count][];
            // Two cores' worth: the largest WebP (the longest single job, about half of what follows the
            // decode) on one, everything else on the other. libwebp and libjpeg each use one core, and
            // the images are in memory and only read, so they can be shared. Each smaller width is made
            // from the next larger one: libvips 8.14 takes about 200 ms to make 320 pixels from 1280 in
            // one step (its integer pre-shrink), but 5 ms from 640.
            try
            {
                Parallel.Invoke(
                    () => webp[0] = EncodeWebp(images[0], webpQuality),
                    () =>
                    {
                        jpeg[0] = EncodeJpeg(images[0], jpegQuality);
                        for (var i = 1; i < ordered.Count; i++)
                        {
                            images[i] = Thumbnail(images[i - 1], sizes[i].Width, sizes[i].Height);
                            webp[i] = EncodeWebp(images[i], webpQuality);
                            jpeg[i] = EncodeJpeg(images[i], jpegQuality);
                        }
                    });
            }
            catch (AggregateException failed)
            {
                // Callers catch ImageProcessingException (a clear message to the uploader), not the wrapper.
                ExceptionDispatchInfo.Capture(failed.InnerExceptions[0]).Throw();
            }

            var renditions = new List<EncodedRendition>();
            for (var i = ordered.Count - 1; i >= 0; i--)
            {
                renditions.Add(new EncodedRendition(ordered[i], sizes[i].Width, sizes[i].Height, webp[i], jpeg[i]));
            }

            return renditions;
        }
        finally
        {
            foreach (var image in images.Where(image => image != 0))
            {
                VipsNative.g_object_unref(image);
            }
        }
    }

    /// <summary>
    /// Opens the upload for the largest rendition. <see cref="DecodeWay.ShrinkOnLoad"/> asks the decoder
    /// to shrink by the largest factor that still leaves at least the largest width (known from the
    /// header, read first); the benchmark's full-size ways decode every pixel.
    /// Truncated files fail rather than being filled with grey.
    /// </summary>
    internal static nint Open(byte* data, ReadOnlySpan<byte> bytes, DecodeWay way, ImageHeader header, int largestWidth)
    {
        var options = "access=sequential,fail_on=truncated";
        if (way == DecodeWay.ShrinkOnLoad)
        {
            options += LoadShrink(ImageSniffer.Sniff(bytes), header.UprightWidth, largestWidth);
        }

        var image = VipsNative.vips_image_new_from_buffer(data, (nuint)bytes.Length, options, 0);
        if (image == 0)
        {
            throw new ImageProcessingException(TakeError());
        }

        if (way != DecodeWay.FullSizeInMemory)
        {
            return image;
        }

        // What a library without shrink-on-load does: every pixel of the upload in memory at once.
        var decoded = VipsNative.vips_image_copy_memory(image);
        VipsNative.g_object_unref(image);
        return decoded != 0 ? decoded : throw new ImageProcessingException(TakeError());
    }

    /// <summary>
    /// The loader option that makes the decoder itself shrink: a JPEG's DCT scaling (1/2, 1/4, 1/8:
    /// the inverse transform, upsampling and colour conversion run on a quarter, a sixteenth or a
    /// sixty-fourth of the pixels) or libwebp's scaled decode. The factor is the largest that still
    /// leaves at least <paramref name="largestWidth"/> pixels, so the final resize only ever reduces.
    /// <c>vips_thumbnail_buffer</c> would not shrink a 4000-pixel photo for a 1280 rendition at all (it
    /// keeps a factor of two for its own resize), which is why we open the file ourselves. PNG and GIF
    /// cannot be decoded smaller.
    /// </summary>
    internal static string LoadShrink(ImageKind? kind, int uprightWidth, int largestWidth)
    {
        var shrink = 1;
        while (shrink < 8 && uprightWidth / (shrink * 2) >= largestWidth)
        {
            shrink *= 2;
        }

        return (kind, shrink) switch
        {
            (_, 1) => "",
            (ImageKind.Jpeg, _) => $",shrink={shrink}",
            (ImageKind.WebP, _) => FormattableString.Invariant($",scale={1.0 / shrink}"),
            _ => "",
        };
    }

    /// <summary>
    /// Resizes to exactly this size (the caller never asks for more than the image has), turned upright
    /// from the EXIF orientation, through <c>vips_thumbnail_image</c> (which also converts to sRGB and
    /// premultiplies alpha while it resizes), and keeps only the pixels (<see cref="PixelsOnly"/>).
    /// </summary>
    internal static nint Thumbnail(nint source, int width, int height)
    {
        if (VipsNative.vips_thumbnail_image(source, out var thumbnail, width, "height", height, "size", VipsNative.SizeForce, 0) != 0)
        {
            throw new ImageProcessingException(TakeError());
        }

        try
        {
            return PixelsOnly(thumbnail);
        }
        finally
        {
            VipsNative.g_object_unref(thumbnail);
        }
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

    internal static byte[] EncodeWebp(nint image, int quality)
    {
        if (VipsNative.vips_webpsave_buffer(image, out var webp, out var length, "Q", quality, "strip", 1, "effort", WebpEffort, 0) != 0)
        {
            throw new ImageProcessingException(TakeError());
        }

        return WebpMetadata.Strip(TakeBuffer(webp, length));
    }

    internal static byte[] EncodeJpeg(nint image, int quality)
    {
        var opaque = FlattenOnWhite(image);
        try
        {
            return VipsNative.vips_jpegsave_buffer(opaque, out var jpeg, out var length, "Q", quality, "strip", 1,
                    "interlace", 1, "optimize_coding", 1, 0) == 0
                ? TakeBuffer(jpeg, length)
                : throw new ImageProcessingException(TakeError());
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
