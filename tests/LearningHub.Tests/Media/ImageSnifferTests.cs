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
