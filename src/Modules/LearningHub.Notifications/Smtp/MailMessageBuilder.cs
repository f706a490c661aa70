using System.Text;
using LearningHub.Notifications.Services;
using MimeKit;
using MimeKit.Text;
using MimeMailbox = MimeKit.MailboxAddress;

namespace LearningHub.Notifications.Smtp;

/// <summary>
/// Turns a <see cref="ComposedMail"/> into a MimeKit <see cref="MimeMessage"/> for either transport: a
/// multipart/alternative of plain text and HTML, inside a multipart/mixed when there is an attachment. A QR code
/// goes with the HTML in a multipart/related, as an inline image the HTML names by its Content-ID.
/// Bodies are quoted-printable UTF-8 and the attachment base64, so the message is 7-bit and every line
/// stays under 78 characters on any server, with or without 8BITMIME.
/// </summary>
public static class MailMessageBuilder
{
    /// <summary>
    /// CRLF line ends whatever the platform (MimeKit's default is the platform's, LF on Linux): what SMTP
    /// sends, and what a <c>.eml</c> file in the pickup folder should hold.
    /// </summary>
    public static FormatOptions WireFormat { get; } = CreateWireFormat();

    private static FormatOptions CreateWireFormat()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }

    public static MimeMessage Build(ComposedMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(Mailbox(mail.From));
        message.To.Add(Mailbox(mail.To));
        if (mail.ReplyTo is not null)
        {
            message.ReplyTo.Add(Mailbox(mail.ReplyTo));
        }

        message.Subject = mail.Subject.ReplaceLineEndings(" ");
        message.Date = mail.Date;
        // MimeKit adds the angle brackets itself.
        message.MessageId = mail.MessageId.Trim().TrimStart('<').TrimEnd('>');
        // RFC 3834: tells auto-responders (out-of-office replies) not to answer a machine.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        MimeEntity html = TextPart(TextFormat.Html, mail.HtmlBody);
        // Only when the HTML shows it: a board's own wording may leave the picture out, and an image nothing
        // shows would appear as an unnamed attachment.
        if (mail.QrCodeLink is { } link && mail.HtmlBody.Contains(MailQrCode.ImageSource, StringComparison.Ordinal))
        {
            html = new MultipartRelated { html, QrCodePart(link) };
        }

        var alternative = new MultipartAlternative
        {
            TextPart(TextFormat.Plain, mail.TextBody),
            html,
        };
        message.Body = mail.Attachment is { } attachment
            ? new Multipart("mixed") { alternative, AttachmentPart(attachment) }
            : alternative;
        return message;
    }

    private static TextPart TextPart(TextFormat format, string text)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, text);
        return part;
    }

    private static MimePart QrCodePart(string link) => new("image", "png")
    {
        Content = new MimeContent(new MemoryStream(MailQrCode.Png(link))),
        ContentId = MailQrCode.ContentId,
        ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = MailQrCode.FileName },
        ContentTransferEncoding = ContentEncoding.Base64,
    };

    private static MimePart AttachmentPart(MailAttachment attachment)
    {
        // The type carries its parameters (text/calendar; method=REQUEST): calendar clients read the method there.
        if (!ContentType.TryParse(attachment.ContentType, out var contentType))
        {
            throw new FormatException($"The attachment type '{attachment.ContentType}' is not a MIME type.");
        }

        if (contentType.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            contentType.Charset = "utf-8";
        }

        contentType.Name = attachment.FileName;
        return new MimePart(contentType)
        {
            Content = new MimeContent(new MemoryStream(new UTF8Encoding(false).GetBytes(attachment.Content))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = attachment.FileName },
            ContentTransferEncoding = ContentEncoding.Base64,
        };
    }

    internal static MimeMailbox Mailbox(MailboxAddress mailbox)
    {
        var address = RequireAddress(mailbox.Address);
        return new MimeMailbox(string.IsNullOrWhiteSpace(mailbox.Name) ? null : mailbox.Name.Trim(), address);
    }

    /// <summary>
    /// An address fit for a header and an SMTP command: ASCII, one @, no spaces, brackets or line breaks.
    /// MimeKit would encode an international address for SMTPUTF8 servers, but the relays boards use do
    /// not all offer it, so such an address fails at once instead of at some server later.
    /// </summary>
    internal static string RequireAddress(string address)
    {
        var trimmed = address.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || !trimmed.All(c => c is > ' ' and <= '~' and not '<' and not '>' and not '(' and not ')' and not ',' and not ';' and not '"'))
        {
            throw new FormatException($"'{address}' is not an email address this server can send to.");
        }

        return trimmed;
    }
}
