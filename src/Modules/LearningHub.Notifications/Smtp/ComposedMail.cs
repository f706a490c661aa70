using LearningHub.Notifications.Services;

namespace LearningHub.Notifications.Smtp;

/// <summary>A mailbox: an address with an optional display name.</summary>
public sealed record MailboxAddress(string Address, string? Name = null);

/// <summary>
/// One message as it leaves LearningHub: what <see cref="MailMessageBuilder"/> turns into a MIME message for
/// either transport. Every mail has a plain-text and an HTML body; <see cref="QrCodeLink"/>, when set, is drawn as
/// the QR code image the HTML shows with <see cref="MailQrCode.ImageSource"/>.
/// </summary>
public sealed record ComposedMail(
    string MessageId,
    DateTimeOffset Date,
    MailboxAddress From,
    MailboxAddress To,
    MailboxAddress? ReplyTo,
    string Subject,
    string TextBody,
    string HtmlBody,
    MailAttachment? Attachment = null,
    string? QrCodeLink = null);
