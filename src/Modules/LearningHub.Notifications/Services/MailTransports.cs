using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LearningHub.Core;
using LearningHub.Core.Boards;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Smtp;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace LearningHub.Notifications.Services;

/// <summary>
/// Where a board's mail goes: an SMTP server or the pickup folder. A transport may hold a connection
/// open across the sends of one dispatcher pass; disposing it closes that.
/// </summary>
public interface IMailTransport : IAsyncDisposable
{
    Task SendAsync(ComposedMail mail, CancellationToken cancellationToken);
}

/// <summary>Writes <c>.eml</c> files to a folder (the embedded default: nothing is lost, nothing needs a server).</summary>
public sealed class PickupFolderMailTransport(string folder) : IMailTransport
{
    public async Task SendAsync(ComposedMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = Guid.NewGuid().ToString("N");
        var partial = Path.Combine(folder, name + ".tmp");
        var message = MailMessageBuilder.Build(mail);
        // Written under another name and then renamed, so a reader never sees half a message.
        await message.WriteToAsync(MailMessageBuilder.WireFormat, partial, cancellationToken);
        File.Move(partial, Path.Combine(folder, name + ".eml"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Builds the transport for a board from its settings, and the message from an outbox row.</summary>
public sealed class MailTransports(IOptions<LearningHubOptions> hubOptions, IOptions<NotificationsOptions> options, IDataProtectionProvider protection,
    OAuthTokens oauthTokens)
{
    private readonly IDataProtector _passwords = protection.CreateProtector("LearningHub.Notifications.SmtpPassword");
    private readonly IDataProtector _clientSecrets = protection.CreateProtector("LearningHub.Notifications.OAuthClientSecret");
    private readonly Lock _trustedLock = new();
    private X509Certificate2? _trusted;
    private string? _trustedPath;

    public string ProtectPassword(string password) => _passwords.Protect(password);

    public string ProtectClientSecret(string secret) => _clientSecrets.Protect(secret);

    public string PickupFolder(BoardInfo board) => Path.Combine(hubOptions.Value.DataPath, "mail-pickup", board.Slug);

    /// <summary>A new transport for one pass over a board's messages; dispose it when the pass ends.</summary>
    public IMailTransport For(BoardInfo board, BoardMailSettings? settings)
    {
        if (settings is not { Transport: MailTransportKind.Smtp, Host: not null })
        {
            return new PickupFolderMailTransport(PickupFolder(board));
        }

        return new SmtpMailTransport(new SmtpEndpoint(settings.Host, settings.Port, settings.Security, SignIn(board, settings),
            options.Value.SmtpTimeout, TrustedCertificate()));
    }

    private SmtpSignIn? SignIn(BoardInfo board, BoardMailSettings settings)
    {
        switch (settings.Authentication)
        {
            case SmtpAuthentication.Password when settings.UserName is not null:
                return new PasswordSignIn(new NetworkCredential(settings.UserName,
                    settings.ProtectedPassword is null ? "" : _passwords.Unprotect(settings.ProtectedPassword)));
            case SmtpAuthentication.OAuthClientCredentials:
                // The settings page and the recipe step refuse incomplete OAuth settings; this guards a row edited by hand.
                if (settings.UserName is null || !Uri.TryCreate(settings.OAuthTokenEndpoint, UriKind.Absolute, out var endpoint)
                    || settings.OAuthClientId is null || settings.ProtectedOAuthClientSecret is null || settings.OAuthScope is null)
                {
                    throw new SmtpException("The OAuth 2.0 settings are incomplete: enter the token endpoint, client ID, client secret, scope and user name on the mail settings page.");
                }

                var credentials = new OAuthClientCredentials(endpoint, settings.OAuthClientId, _clientSecrets.Unprotect(settings.ProtectedOAuthClientSecret), settings.OAuthScope);
                return new OAuthSignIn(settings.UserName, oauthTokens.For(board.Id.ToString(), credentials));
            default:
                return null;
        }
    }

    /// <summary>The certificate named by <c>Notifications:SmtpTrustedCertificateFile</c>, read once.</summary>
    private X509Certificate2? TrustedCertificate()
    {
        var path = options.Value.SmtpTrustedCertificateFile;
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        lock (_trustedLock)
        {
            if (_trustedPath != path)
            {
                _trusted = LoadCertificate(path);
                _trustedPath = path;
            }

            return _trusted;
        }
    }

    /// <summary>A certificate from a PEM or DER file, without its key (a trust anchor needs none).</summary>
    public static X509Certificate2 LoadCertificate(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        if (PemEncoding.TryFind(text, out var pem) && text[pem.Label] == "CERTIFICATE")
        {
            bytes = Convert.FromBase64String(text[pem.Base64Data]);
        }

        return X509CertificateLoader.LoadCertificate(bytes);
    }

    /// <summary>The mail an outbox row stands for, from the board's sender, replies going to the board's contact.</summary>
    public static ComposedMail Compose(OutboxMessage row, BoardInfo board, BoardMailSettings? settings, DateTimeOffset now) => new(
        // A stable Message-ID: if a dispatcher dies after the server took a message but before it was
        // marked sent, the resend carries the same id, which receiving systems use to drop duplicates.
        MessageId: $"<{row.Id:N}@learninghub>",
        Date: now,
        From: new MailboxAddress(settings?.FromAddress ?? board.ContactEmail, settings?.FromName ?? board.Name),
        To: new MailboxAddress(row.ToAddress, row.ToName),
        ReplyTo: new MailboxAddress(board.ContactEmail, board.Name),
        Subject: row.Subject,
        TextBody: row.TextBody,
        HtmlBody: row.HtmlBody,
        Attachment: row.AttachmentContent is null
            ? null
            : new MailAttachment(row.AttachmentName ?? "attachment", row.AttachmentContentType ?? "application/octet-stream", row.AttachmentContent),
        QrCodeLink: row.QrCodeLink);
}
