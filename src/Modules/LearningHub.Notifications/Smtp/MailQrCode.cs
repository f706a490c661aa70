using QRCoder;

namespace LearningHub.Notifications.Smtp;

/// <summary>
/// A QR code of a link, carried inside a mail as an inline image (<c>multipart/related</c>) that the HTML shows
/// with <see cref="ImageSource"/>. Drawn when the mail is sent, not when it is queued: the drawing is the costliest
/// part of a booking's confirmation and the request need not wait for it. An inline part, not a <c>data:</c>
/// address, because Gmail and Outlook do not show <c>data:</c> images.
/// </summary>
public static class MailQrCode
{
    /// <summary>The image part's Content-ID.</summary>
    public const string ContentId = "qr-code@learninghub";

    /// <summary>What an <c>img src</c> in the HTML says to show the image.</summary>
    public const string ImageSource = "cid:" + ContentId;

    public const string FileName = "qr-code.png";

    public static byte[] Png(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(6);
    }
}
