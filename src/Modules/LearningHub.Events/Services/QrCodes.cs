using QRCoder;

namespace LearningHub.Events.Services;

/// <summary>QR code images of check-in links, for the confirmation mail.</summary>
public static class QrCodes
{
    public static byte[] Png(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(6);
    }

    /// <summary>A <c>data:</c> URI, so the image travels inside the mail and no tracking request is needed to show it.</summary>
    public static string PngDataUri(string text) => "data:image/png;base64," + Convert.ToBase64String(Png(text));
}
