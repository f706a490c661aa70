using System.Text;
using LearningHub.Media.Imaging;

namespace LearningHub.Tests.Media;

public sealed class ImageSnifferTests
{
    [Fact]
    public void Each_accepted_type_is_known_by_its_bytes()
    {
        Assert.Equal(ImageKind.Jpeg, ImageSniffer.Sniff(TestImages.Jpeg(8, 8)));
        Assert.Equal(ImageKind.Png, ImageSniffer.Sniff(TestImages.Png(8, 8)));
        Assert.Equal(ImageKind.WebP, ImageSniffer.Sniff(TestImages.WebP(8, 8)));
        Assert.Equal(ImageKind.Gif, ImageSniffer.Sniff(TestImages.Gif()));
        Assert.Equal(ImageKind.Gif, ImageSniffer.Sniff("GIF87a\x01\0\x01\0"u8));
    }

    [Theory]
    [InlineData("This is a text file renamed to photo.jpg")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")]
    [InlineData("%PDF-1.7")]
    [InlineData("RIFF\u0024\0\0\0WAVEfmt ")]
    [InlineData("")]
    public void Anything_else_is_not_an_image(string content)
    {
        Assert.Null(ImageSniffer.Sniff(Encoding.Latin1.GetBytes(content)));
    }

    [Fact]
    public void A_truncated_signature_is_not_an_image()
    {
        Assert.Null(ImageSniffer.Sniff([0xFF, 0xD8]));
        Assert.Null(ImageSniffer.Sniff("RIFF\0\0\0\0WEB"u8));
        Assert.Null(ImageSniffer.Sniff([0x89, (byte)'P', (byte)'N', (byte)'G']));
    }
}

public sealed class WebpMetadataTests
{
    [Fact]
    public void Exif_xmp_and_icc_chunks_are_removed_and_the_header_says_so()
    {
        // RIFF/WEBP with VP8X (flags: ICC, alpha, EXIF, XMP), ICCP, a 1-byte VP8L stand-in, EXIF (odd size, padded) and XMP.
        byte[] webp =
        [
            .. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8,
            .. "VP8X"u8, 10, 0, 0, 0, 0x20 | 0x10 | 0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            .. "ICCP"u8, 2, 0, 0, 0, 1, 2,
            .. "VP8L"u8, 1, 0, 0, 0, 0x2F, 0,
            .. "EXIF"u8, 3, 0, 0, 0, .. "GPS"u8, 0,
            .. "XMP "u8, 2, 0, 0, 0, .. "<x"u8,
        ];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(4), (uint)(webp.Length - 8));

        var stripped = WebpMetadata.Strip(webp);

        byte[] expected =
        [
            .. "RIFF"u8, 32, 0, 0, 0, .. "WEBP"u8,
            .. "VP8X"u8, 10, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            .. "VP8L"u8, 1, 0, 0, 0, 0x2F, 0,
        ];
        Assert.Equal(expected, stripped);
    }
}
