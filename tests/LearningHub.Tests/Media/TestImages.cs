using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using LearningHub.Media.Imaging;

namespace LearningHub.Tests.Media;

/// <summary>
/// Images made in code for the media tests (never downloaded pictures): patterns encoded by libvips,
/// a JPEG with an EXIF block carrying a GPS position and a camera serial spliced in, and a PNG
/// "decompression bomb" whose header claims far more pixels than its few bytes hold.
/// </summary>
public static class TestImages
{
    /// <summary>The camera name and serial written into the spliced EXIF block.</summary>
    public const string CameraSerial = "LHTestCam SN-12345";

    /// <summary>A diagonal colour pattern, 8 bits per band, RGB or RGBA.</summary>
    public static byte[] Pixels(int width, int height, int bands = 3)
    {
        var pixels = new byte[width * height * bands];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * bands;
                pixels[i] = (byte)(x * 255 / Math.Max(1, width - 1));
                pixels[i + 1] = (byte)(y * 255 / Math.Max(1, height - 1));
                pixels[i + 2] = (byte)((x + y) % 64 < 32 ? 200 : 40);
                if (bands == 4)
                {
                    pixels[i + 3] = (byte)(x < width / 2 ? 0 : 255);
                }
            }
        }

        return pixels;
    }

    public static byte[] Jpeg(int width, int height, int quality = 90) =>
        VipsImaging.EncodePixels(Pixels(width, height), width, height, 3, ImageKind.Jpeg, quality);

    public static byte[] Png(int width, int height, bool alpha = false) =>
        VipsImaging.EncodePixels(Pixels(width, height, alpha ? 4 : 3), width, height, alpha ? 4 : 3, ImageKind.Png);

    public static byte[] WebP(int width, int height) =>
        VipsImaging.EncodePixels(Pixels(width, height), width, height, 3, ImageKind.WebP);

    /// <summary>A one-pixel GIF89a, written byte by byte.</summary>
    public static byte[] Gif() =>
    [
        .. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, // 1x1, global colour table of 2 entries
        0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, // red, blue
        0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, // image descriptor
        0x02, 0x02, 0x44, 0x01, 0x00, // LZW minimum code size 2, one data block
        0x3B, // trailer
    ];

    /// <summary>
    /// The JPEG with an APP1 EXIF segment inserted after its start marker: Make (camera and serial),
    /// Orientation and a GPS block with a latitude, as a phone camera writes them.
    /// </summary>
    public static byte[] WithGpsExif(byte[] jpeg, ushort orientation = 1)
    {
        var tiff = new byte[124];
        var span = tiff.AsSpan();
        "II"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], 8);

        // IFD0 at 8: three entries, sorted by tag.
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], 3);
        Entry(span, 10, 0x010F, 2, (uint)CameraSerial.Length + 1, 80); // Make, ASCII at 80
        Entry(span, 22, 0x0112, 3, 1, orientation); // Orientation, SHORT inline
        Entry(span, 34, 0x8825, 4, 1, 50); // GPS IFD pointer
        BinaryPrimitives.WriteUInt32LittleEndian(span[46..], 0);

        // GPS IFD at 50: latitude reference and latitude.
        BinaryPrimitives.WriteUInt16LittleEndian(span[50..], 2);
        Entry(span, 52, 0x0001, 2, 2, 'N'); // "N\0" inline
        Entry(span, 64, 0x0002, 5, 3, 100); // three RATIONALs at 100
        BinaryPrimitives.WriteUInt32LittleEndian(span[76..], 0);

        Encoding.ASCII.GetBytes(CameraSerial).CopyTo(span[80..]);
        uint[] latitude = [52, 1, 37, 1, 4812, 100];
        for (var i = 0; i < latitude.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(100 + i * 4)..], latitude[i]);
        }

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    private static void Entry(Span<byte> span, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span[at..], tag);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 2)..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 4)..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 8)..], value);
    }

    /// <summary>
    /// A valid PNG of a few dozen bytes whose header says <paramref name="width"/> × <paramref name="height"/>
    /// RGB pixels (30,000 × 30,000 would be 2.7 GB decoded). Only its IHDR needs to be right for the
    /// header to be read; the image data is a token deflate stream.
    /// </summary>
    public static byte[] PngBomb(int width = 30_000, int height = 30_000)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(output, "IHDR", header);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[1024]);
        }

        Chunk(output, "IDAT", compressed.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        output.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>Whether the bytes carry an EXIF block or the spliced camera serial anywhere.</summary>
    public static bool HasExifOrSerial(byte[] bytes) =>
        Contains(bytes, "Exif\0\0"u8) || Contains(bytes, Encoding.ASCII.GetBytes(CameraSerial));

    public static bool Contains(byte[] bytes, ReadOnlySpan<byte> part) => bytes.AsSpan().IndexOf(part) >= 0;
}
