using System.Buffers.Binary;

namespace LearningHub.Media.Imaging;

/// <summary>
/// Removes metadata chunks (EXIF, XMP, ICC profile) from a WebP file. libvips 8.14.1 (Debian 12's
/// libvips42) writes an EXIF chunk even when asked to strip, so every WebP rendition passes through
/// here; a later libvips that honours <c>strip</c> leaves nothing for it to do.
/// </summary>
public static class WebpMetadata
{
    private const byte IccFlag = 0x20;
    private const byte ExifFlag = 0x08;
    private const byte XmpFlag = 0x04;

    public static byte[] Strip(byte[] webp)
    {
        if (webp.Length < 12 || !webp.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !webp.AsSpan(8, 4).SequenceEqual("WEBP"u8))
        {
            throw new ArgumentException("Not a WebP file.", nameof(webp));
        }

        using var output = new MemoryStream(webp.Length);
        output.Write(webp, 0, 12);
        var position = 12;
        while (position + 8 <= webp.Length)
        {
            var fourCc = webp.AsSpan(position, 4);
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(position + 4));
            var padded = size + (size & 1);
            if (position + 8 + size > webp.Length)
            {
                throw new ArgumentException("The WebP file is truncated.", nameof(webp));
            }

            var keep = !(fourCc.SequenceEqual("EXIF"u8) || fourCc.SequenceEqual("XMP "u8) || fourCc.SequenceEqual("ICCP"u8));
            if (keep)
            {
                var start = output.Position;
                output.Write(webp, position, Math.Min(8 + padded, webp.Length - position));
                if (fourCc.SequenceEqual("VP8X"u8))
                {
                    // The extended header says which optional chunks follow; they no longer do.
                    var buffer = output.GetBuffer();
                    buffer[start + 8] = (byte)(buffer[start + 8] & ~(IccFlag | ExifFlag | XmpFlag));
                }
            }

            position += 8 + padded;
        }

        var result = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
        return result;
    }
}
