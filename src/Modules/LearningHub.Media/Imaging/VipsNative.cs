using System.Runtime.InteropServices;

namespace LearningHub.Media.Imaging;

/// <summary>
/// The few libvips 8.14 (Debian <c>libvips42</c>) entry points LearningHub uses, bound with
/// <c>[LibraryImport]</c>. SixLabors.ImageSharp, SkiaSharp and Magick.NET cannot be restored here, and
/// NetVips would bring a large generated binding for five calls.
/// </summary>
/// <remarks>
/// Many libvips functions take NULL-terminated name/value pairs (C varargs). .NET cannot declare a
/// variadic import, so each one is bound with the exact pairs we pass plus the terminating NULL as
/// fixed parameters. On Linux x86-64 (System V) and arm64 (AAPCS64) integer and pointer varargs travel
/// in the same registers and stack slots as fixed arguments, so this is the call libvips expects. It
/// would not hold on Apple arm64 or Windows x64 with floating-point varargs; we pass none, and the site
/// runs on Linux.
/// </remarks>
internal static unsafe partial class VipsNative
{
    public const string Library = "libvips.so.42";
    private const string GLib = "libglib-2.0.so.0";
    private const string GObject = "libgobject-2.0.so.0";

    /// <summary>VipsSize: exactly the width and height asked for (the caller keeps the aspect ratio).</summary>
    public const int SizeForce = 3;

    /// <summary>VipsBandFormat UCHAR: 8 bits per band.</summary>
    public const int FormatUchar = 0;

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_init(string argv0);

    [LibraryImport(Library)]
    public static partial int vips_version(int flag);

    [LibraryImport(Library)]
    public static partial nint vips_error_buffer();

    [LibraryImport(Library)]
    public static partial void vips_error_clear();

    [LibraryImport(Library)]
    public static partial void vips_cache_set_max(int max);

    [LibraryImport(Library)]
    public static partial nuint vips_tracked_get_mem_highwater();

    /// <summary>Opens an image lazily: only the header is read until pixels are asked for. The buffer must stay pinned while the image lives.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint vips_image_new_from_buffer(void* buffer, nuint length, string optionString, nint end);

    [LibraryImport(Library)]
    public static partial nint vips_image_new_from_memory(void* data, nuint size, int width, int height, int bands, int format);

    /// <summary>A new image holding a copy of the pixels and nothing else: no EXIF, XMP, IPTC or ICC fields.</summary>
    [LibraryImport(Library)]
    public static partial nint vips_image_new_from_memory_copy(void* data, nuint size, int width, int height, int bands, int format);

    /// <summary>Computes the image into a new g_malloc'd buffer of pixels (free with g_free).</summary>
    [LibraryImport(Library)]
    public static partial nint vips_image_write_to_memory(nint image, out nuint size);

    [LibraryImport(Library)]
    public static partial int vips_image_get_format(nint image);

    [LibraryImport(Library)]
    public static partial int vips_image_get_width(nint image);

    [LibraryImport(Library)]
    public static partial int vips_image_get_height(nint image);

    [LibraryImport(Library)]
    public static partial int vips_image_get_bands(nint image);

    [LibraryImport(Library)]
    public static partial int vips_image_get_n_pages(nint image);

    /// <summary>Reads an integer header field such as <c>orientation</c> (the EXIF rotation); 0 when found.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_image_get_int(nint image, string name, out int value);

    [LibraryImport(Library)]
    public static partial int vips_image_hasalpha(nint image);

    /// <summary>Decodes the whole image into memory (the benchmark's "decode at full size" baseline).</summary>
    [LibraryImport(Library)]
    public static partial nint vips_image_copy_memory(nint image);

    /// <summary>Resizes an opened image (turned upright, in sRGB, alpha premultiplied while resizing).</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_thumbnail_image(nint image, out nint thumbnail, int width,
        string heightName, int height, string sizeName, int size, nint end);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_flatten(nint image, out nint flattened, string backgroundName, nint background, nint end);

    [LibraryImport(Library)]
    public static partial nint vips_array_double_new(double* values, int count);

    [LibraryImport(Library)]
    public static partial void vips_area_unref(nint area);

    /// <summary>WebP with every piece of metadata (EXIF, XMP, ICC) left out: <c>strip</c> on 8.14 (8.15 renamed it <c>keep</c>).</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_webpsave_buffer(nint image, out nint buffer, out nuint length,
        string qualityName, int quality, string stripName, int strip, string effortName, int effort, nint end);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_jpegsave_buffer(nint image, out nint buffer, out nuint length,
        string qualityName, int quality, string stripName, int strip, string interlaceName, int interlace,
        string optimizeName, int optimize, nint end);

    /// <summary>Used only to make test and benchmark images.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_pngsave_buffer(nint image, out nint buffer, out nuint length, string stripName, int strip, nint end);

    [LibraryImport(GObject)]
    public static partial void g_object_unref(nint instance);

    /// <summary>libc's setenv: .NET's Environment.SetEnvironmentVariable does not reach native code's environment on Linux.</summary>
    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int setenv(string name, string value, int overwrite);

    [LibraryImport(GLib)]
    public static partial void g_free(nint memory);
}
