using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using LearningHub.Core;
using LearningHub.Core.Boards;
using LearningHub.Notifications.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace LearningHub.Notifications.Services;

/// <summary>
/// Where a board's mail goes: an SMTP server or the pickup folder. Built on System.Net.Mail because
/// MailKit cannot be installed here; System.Net.Mail speaks SMTP with STARTTLS and authentication.
/// </summary>
public interface IMailTransport
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}

public sealed class SmtpMailTransport(string host, int port, bool startTls, NetworkCredential? credentials, TimeSpan timeout) : IMailTransport
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient(host, port)
        {
            EnableSsl = startTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)timeout.TotalMilliseconds,
            Credentials = credentials,
        };
        await client.SendMailAsync(message, cancellationToken);
    }
}

/// <summary>Writes <c>.eml</c> files to a folder (the embedded default: nothing is lost, nothing needs a server).</summary>
public sealed class PickupFolderMailTransport(string folder) : IMailTransport
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        using var client = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = folder,
        };
        await client.SendMailAsync(message, cancellationToken);
    }
}

/// <summary>Builds the transport for a board from its settings, and the message from an outbox row.</summary>
public sealed class MailTransports(IOptions<LearningHubOptions> hubOptions, IOptions<NotificationsOptions> options, IDataProtectionProvider protection)
{
    private readonly IDataProtector _passwords = protection.CreateProtector("LearningHub.Notifications.SmtpPassword");

    public string ProtectPassword(string password) => _passwords.Protect(password);

    public string PickupFolder(BoardInfo board) => Path.Combine(hubOptions.Value.DataPath, "mail-pickup", board.Slug);

    public IMailTransport For(BoardInfo board, BoardMailSettings? settings)
    {
        if (settings is not { Transport: MailTransportKind.Smtp, Host: not null })
        {
            return new PickupFolderMailTransport(PickupFolder(board));
        }

        var credentials = settings.UserName is null
            ? null
            : new NetworkCredential(settings.UserName, settings.ProtectedPassword is null ? "" : _passwords.Unprotect(settings.ProtectedPassword));
        return new SmtpMailTransport(settings.Host, settings.Port, settings.Security == SmtpSecurity.StartTls, credentials, options.Value.SmtpTimeout);
    }

    public static MailMessage Compose(OutboxMessage row, BoardInfo board, BoardMailSettings? settings)
    {
        var message = new MailMessage
        {
            From = new MailAddress(settings?.FromAddress ?? board.ContactEmail, settings?.FromName ?? board.Name),
            Subject = row.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = row.TextBody,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(row.ToAddress, row.ToName));
        message.ReplyToList.Add(new MailAddress(board.ContactEmail, board.Name));
        // A stable Message-ID: if a dispatcher dies after the server took a message but before it was
        // marked sent, the resend carries the same id, which receiving systems use to drop duplicates.
        message.Headers.Add("Message-ID", $"<{row.Id:N}@learninghub>");
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(row.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));
        if (row.AttachmentContent is not null)
        {
            // ContentType parses parameters such as "text/calendar; method=REQUEST", which the string overloads refuse.
            var contentType = new ContentType(row.AttachmentContentType ?? "application/octet-stream")
            {
                Name = row.AttachmentName,
                CharSet = "utf-8",
            };
            var attachment = new Attachment(new MemoryStream(new UTF8Encoding(false).GetBytes(row.AttachmentContent)), contentType);
            attachment.ContentDisposition!.FileName = row.AttachmentName;
            message.Attachments.Add(attachment);
        }

        return message;
    }
}
