using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using NetVips;
using Vips = NetVips.NetVips;

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

/// <summary>Whether libvips could be loaded and started, which version it is and which file was loaded.</summary>
/// <param name="LoadedFrom">The libvips file mapped into the process (from <c>/proc/self/maps</c>), when known.</param>
public sealed record VipsStatus(bool Available, string? Version, string? Problem, string? LoadedFrom = null)
{
    /// <summary>The copy shipped with the site (NetVips.Native), not one installed on the system.</summary>
    public bool Bundled => LoadedFrom is not null && LoadedFrom.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal);
}

/// <summary>
/// LearningHub's whole use of libvips, through NetVips and the libvips that NetVips.Native.linux-x64
/// bundles (one <c>libvips.so.42</c> with its dependencies linked in, needing only glibc and libstdc++):
/// start it once, read a header, make renditions. Every image is disposed before a method returns.
/// </summary>
public static class VipsImaging
{
    /// <summary>
    /// The file name NetVips loads. .NET probes the app's own native folders (the NuGet package's
    /// <c>runtimes/linux-x64/native</c>, or the publish folder) before the system's, so the bundled copy
    /// is used even where an apt <c>libvips42</c> is installed.
    /// </summary>
    public const string Library = "libvips.so.42";

    /// <summary>
    /// libwebp's effort (0-6; libvips' default is 4). Measured on a 1280-pixel rendition of a 12-megapixel
    /// photo-like image: effort 4 took 380-450 ms, 2 115-155 ms, 1 80-95 ms (files 2-3% larger than at 2,
    /// 5-9% larger than at 4), and the largest WebP is the longest single step after the decode.
    /// </summary>
    public const int WebpEffort = 1;

    /// <summary>
    /// The only loaders left unblocked: the four types uploads may be (checked by their bytes first).
    /// The bundled libvips also reads SVG, PDF-like, TIFF, HEIF, JPEG 2000 and more, all built in; none
    /// of that code is reachable from an upload.
    /// </summary>
    internal static readonly string[] AllowedLoaders =
        ["VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadNsgif"];

    private static readonly Lock StartLock = new();
    private static VipsStatus? _status;

    /// <summary>
    /// Loads and starts libvips once per process. <paramref name="library"/> is the file probed for
    /// (normally <see cref="Library"/>, the bundled copy); a missing file gives an unavailable status with
    /// a message saying what is missing, never an exception.
    /// </summary>
    public static VipsStatus Start(string library = Library)
    {
        // Probed with NetVips' assembly, so the same folders are searched as for its own calls.
        if (!NativeLibrary.TryLoad(library, typeof(Image).Assembly, null, out var handle))
        {
            return new VipsStatus(false, null,
                $"libvips ({library}) is not installed, so images cannot be processed. The site ships it in the NuGet package " +
                "NetVips.Native.linux-x64 (Linux x64 with glibc 2.28 or later): publish or run the site for linux-x64.");
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
                // NetVips starts libvips in its module initializer, when its assembly is first used.
                if (!ModuleInitializer.VipsInitialized)
                {
                    return _status = new VipsStatus(false, null,
                        $"libvips did not start: {ModuleInitializer.Exception?.Message ?? "no reason given"}");
                }

                // Operation caching helps interactive tools; a server decoding untrusted uploads should not
                // keep images around between requests.
                Cache.Max = 0;
                Operation.Block("VipsForeignLoad", true);
                foreach (var loader in AllowedLoaders)
                {
                    Operation.Block(loader, false);
                }

                var version = $"{Vips.Version(0, false)}.{Vips.Version(1, false)}.{Vips.Version(2, false)}";
                return _status = new VipsStatus(true, version, null, MappedFile(Library));
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
            {
                return _status = new VipsStatus(false, null, $"libvips could not be used: {ex.Message}");
            }
        }
    }

    /// <summary>
    /// Where a shared library was loaded from, as the kernel lists the process's mappings: the proof that
    /// the bundled libvips is the one in use (not an apt libvips42 of the same file name).
    /// </summary>
    internal static string? MappedFile(string fileName)
    {
        const string Maps = "/proc/self/maps";
        if (!File.Exists(Maps))
        {
            return null;
        }

        // Each line: address perms offset dev inode path; the path is the last field and holds no spaces here.
        return File.ReadLines(Maps)
            .Select(line => line[(line.LastIndexOf(' ') + 1)..])
            .FirstOrDefault(path => Path.GetFileName(path) == fileName);
    }

    /// <summary>Every entry point checks that libvips started and has its loaders blocked (see <see cref="Start"/>).</summary>
    private static void EnsureStarted()
    {
        var status = Start();
        if (!status.Available)
        {
            throw new ImageProcessingException(status.Problem ?? "libvips is not available.");
        }
    }

    /// <summary>Reads width, height, bands and page count from the header only; no pixel is decoded.</summary>
    public static ImageHeader ReadHeader(byte[] bytes)
    {
        EnsureStarted();
        return Vipsing(() =>
        {
            // Loaders read only the header when opening; sequential access decodes nothing until pixels are asked for.
            using var source = Source.NewFromMemory(bytes);
            using var image = Image.NewFromSource(source, access: Enums.Access.Sequential);
            return new ImageHeader(image.Width, image.Height, image.Bands, IntField(image, "n-pages", 1), IntField(image, "orientation", 1));
        });
    }

    private static int IntField(Image image, string name, int absent) =>
        image.Contains(name) && image.Get(name) is int value ? value : absent;

    /// <summary>
    /// One rendition per width, rotated upright, never enlarged, saved as WebP and as JPEG with no
    /// metadata; transparent areas become white in the JPEG. The upload is decoded once, shrinking while
    /// it decodes (see <see cref="LoadShrink"/>), straight to the largest width; each smaller width is
    /// resized in memory from the one above it, and the files are encoded in parallel.
    /// </summary>
    public static IReadOnlyList<EncodedRendition> MakeRenditions(byte[] bytes, IEnumerable<int> widths,
        int webpQuality = 80, int jpegQuality = 82) =>
        MakeRenditions(bytes, widths, webpQuality, jpegQuality, DecodeWay.ShrinkOnLoad);

    /// <summary>
    /// The same renditions, with the decode chosen: the app always shrinks on load; the benchmark also
    /// runs the identical pipeline decoding at full size, to show what shrink-on-load saves.
    /// </summary>
    internal static IReadOnlyList<EncodedRendition> MakeRenditions(byte[] bytes, IEnumerable<int> widths,
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
        var images = new Image?[ordered.Count];
        try
        {
            // The upload is read in place (pinned, never copied: Image.NewFromBuffer would copy it into
            // libvips' memory on every open, 29 MB for a large PNG); the source must outlive the image
            // that reads it, and nothing reads it after the thumbnail's pixels are copied out.
            using (var source = Source.NewFromMemory(bytes))
            using (var opened = Open(source, bytes, way, header, sizes[0].Width))
            {
                images[0] = Thumbnail(opened, sizes[0].Width, sizes[0].Height);
            }

            var webp = new byte[ordered.Count][];
            var jpeg = new byte[ordered.Count][];
            // Two cores' worth: the largest WebP (the longest single job, about half of what follows the
            // decode) on one, everything else on the other. libwebp and libjpeg each use one core, and
            // the images are in memory and only read, so they can be shared. Each smaller width is made
            // from the next larger one: libvips 8.14 took about 200 ms to make 320 pixels from 1280 in
            // one step (its integer pre-shrink), but 5 ms from 640.
            try
            {
                Parallel.Invoke(
                    () => webp[0] = EncodeWebp(images[0]!, webpQuality),
                    () =>
                    {
                        jpeg[0] = EncodeJpeg(images[0]!, jpegQuality);
                        for (var i = 1; i < ordered.Count; i++)
                        {
                            images[i] = Thumbnail(images[i - 1]!, sizes[i].Width, sizes[i].Height);
                            webp[i] = EncodeWebp(images[i]!, webpQuality);
                            jpeg[i] = EncodeJpeg(images[i]!, jpegQuality);
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
            foreach (var image in images)
            {
                image?.Dispose();
            }
        }
    }

    /// <summary>
    /// Opens the upload for the largest rendition. <see cref="DecodeWay.ShrinkOnLoad"/> asks the decoder
    /// to shrink by the largest factor that still leaves at least the largest width (known from the
    /// header, read first); the benchmark's full-size ways decode every pixel.
    /// Truncated files fail rather than being filled with grey.
    /// </summary>
    internal static Image Open(Source source, byte[] bytes, DecodeWay way, ImageHeader header, int largestWidth)
    {
        var shrink = way == DecodeWay.ShrinkOnLoad ? LoadShrink(ImageSniffer.Sniff(bytes), header.UprightWidth, largestWidth) : "";
        return Vipsing(() =>
        {
            var image = Image.NewFromSource(source, shrink, Enums.Access.Sequential, Enums.FailOn.Truncated);
            if (way != DecodeWay.FullSizeInMemory)
            {
                return image;
            }

            // What a library without shrink-on-load does: every pixel of the upload in memory at once.
            using (image)
            {
                return image.CopyMemory();
            }
        });
    }

    /// <summary>
    /// The loader option that makes the decoder itself shrink: a JPEG's DCT scaling (1/2, 1/4, 1/8:
    /// the inverse transform, upsampling and colour conversion run on a quarter, a sixteenth or a
    /// sixty-fourth of the pixels) or libwebp's scaled decode. The factor is the largest that still
    /// leaves at least <paramref name="largestWidth"/> pixels, so the final resize only ever reduces.
    /// <c>Image.ThumbnailBuffer</c> would not shrink a 4000-pixel photo for a 1280 rendition at all (it
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
            (ImageKind.Jpeg, _) => $"shrink={shrink}",
            (ImageKind.WebP, _) => FormattableString.Invariant($"scale={1.0 / shrink}"),
            _ => "",
        };
    }

    /// <summary>
    /// Resizes to exactly this size (the caller never asks for more than the image has), turned upright
    /// from the EXIF orientation, through libvips' thumbnail operation (which also converts to sRGB and
    /// premultiplies alpha while it resizes), and keeps only the pixels (<see cref="PixelsOnly"/>).
    /// </summary>
    internal static Image Thumbnail(Image source, int width, int height) =>
        Vipsing(() =>
        {
            using var thumbnail = source.ThumbnailImage(width, height: height, size: Enums.Size.Force);
            return PixelsOnly(thumbnail);
        });

    /// <summary>The most memory libvips has held at once since the process started (its own pixel buffers).</summary>
    public static long PeakTrackedMemory => (long)Stats.MemHighwater;

    /// <summary>Encodes 8-bit pixels (RGB or RGBA, row by row) as PNG, JPEG or WebP: for tests, benchmarks and generated patterns.</summary>
    public static byte[] EncodePixels(byte[] pixels, int width, int height, int bands, ImageKind kind, int jpegQuality = 90)
    {
        EnsureStarted();
        return Vipsing(() =>
        {
            using var image = Image.NewFromMemory(pixels, width, height, bands, Enums.BandFormat.Uchar);
            return kind switch
            {
                ImageKind.Png => image.PngsaveBuffer(keep: Enums.ForeignKeep.None),
                ImageKind.Jpeg => image.JpegsaveBuffer(q: jpegQuality, keep: Enums.ForeignKeep.None),
                ImageKind.WebP => image.WebpsaveBuffer(q: 90, effort: WebpEffort, keep: Enums.ForeignKeep.None),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), "GIF is read, never written."),
            };
        });
    }

    /// <summary>
    /// Computes the image and copies only its pixels into a new image. The thumbnail is a sequential
    /// pipeline that can be read once, and it is small (one rendition), so holding it lets both formats
    /// be saved from it. Leaving every metadata field behind means no EXIF (GPS position, camera serial),
    /// XMP or IPTC from the upload can reach a rendition even if a saver ignored <c>keep</c> (libvips
    /// 8.14.1's WebP saver ignored the <c>strip</c> that came before it).
    /// </summary>
    private static Image PixelsOnly(Image image)
    {
        var pixels = image.WriteToMemory(out var size);
        try
        {
            return Image.NewFromMemoryCopy(pixels, size, image.Width, image.Height, image.Bands, image.Format);
        }
        finally
        {
            Vips.Free(pixels);
        }
    }

    internal static byte[] EncodeWebp(Image image, int quality) =>
        Vipsing(() => image.WebpsaveBuffer(q: quality, effort: WebpEffort, keep: Enums.ForeignKeep.None));

    internal static byte[] EncodeJpeg(Image image, int quality) =>
        Vipsing(() =>
        {
            // JPEG has no transparency; libvips would flatten onto black, which hides dark diagrams. One
            // value is applied to every band, so grey and colour images alike get white.
            using var opaque = image.HasAlpha() ? image.Flatten(background: [255]) : image.Copy();
            return opaque.JpegsaveBuffer(q: quality, interlace: true, optimizeCoding: true, keep: Enums.ForeignKeep.None);
        });

    /// <summary>Runs libvips work, turning its errors into <see cref="ImageProcessingException"/> with libvips' own message.</summary>
    private static T Vipsing<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (VipsException ex)
        {
            throw new ImageProcessingException(ex.Message.Trim());
        }
    }
}
