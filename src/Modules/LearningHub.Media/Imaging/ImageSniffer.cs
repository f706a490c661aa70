namespace LearningHub.Media.Imaging;

/// <summary>The image types LearningHub accepts, known by their bytes.</summary>
public enum ImageKind
{
    Jpeg,
    Png,
    WebP,
    Gif,
}

/// <summary>
/// Tells an image's type from its first bytes (its "magic number"), never from its file name or the
/// browser's content type, both of which the uploader chooses.
/// </summary>
public static class ImageSniffer
{
    /// <summary>The bytes needed to tell every accepted type apart.</summary>
    public const int HeaderLength = 12;

    public static ImageKind? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return ImageKind.Jpeg;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageKind.Png;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return ImageKind.Gif;
        }

        if (bytes.Length >= HeaderLength && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageKind.WebP;
        }

        return null;
    }

    public static string ContentType(ImageKind kind) => kind switch
    {
        ImageKind.Jpeg => "image/jpeg",
        ImageKind.Png => "image/png",
        ImageKind.WebP => "image/webp",
        ImageKind.Gif => "image/gif",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Extension(ImageKind kind) => kind switch
    {
        ImageKind.Jpeg => "jpg",
        ImageKind.Png => "png",
        ImageKind.WebP => "webp",
        ImageKind.Gif => "gif",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
