using System.Net;
using System.Security.Cryptography.X509Certificates;
using LearningHub.Notifications.Domain;

namespace LearningHub.Notifications.Smtp;

/// <summary>Where and how to reach an SMTP server.</summary>
/// <param name="SignIn">How to authenticate after the connection is encrypted, or null for no AUTH.</param>
/// <param name="TrustedCertificate">
/// A certificate (a private CA's, or a server's self-signed one) trusted as a root for this server,
/// besides the system's roots; the host name must still match.
/// </param>
public sealed record SmtpEndpoint(
    string Host,
    int Port,
    SmtpSecurity Security,
    SmtpSignIn? SignIn,
    TimeSpan Timeout,
    X509Certificate2? TrustedCertificate = null);

/// <summary>How the transport proves who it is to the server (SMTP AUTH).</summary>
public abstract record SmtpSignIn;

/// <summary>A user name and password, sent with whichever SASL mechanism MailKit finds best on offer.</summary>
public sealed record PasswordSignIn(NetworkCredential Credentials) : SmtpSignIn;

/// <summary>
/// OAuth 2.0 (XOAUTH2): an access token for <paramref name="UserName"/>, the mailbox to send as, from
/// <paramref name="Tokens"/>.
/// </summary>
public sealed record OAuthSignIn(string UserName, IAccessTokenSource Tokens) : SmtpSignIn;

/// <summary>Access tokens for one set of OAuth client credentials, cached until shortly before they expire.</summary>
public interface IAccessTokenSource
{
    /// <summary>A token, from the cache while it is fresh, else a new one from the token endpoint.</summary>
    Task<string> GetAsync(CancellationToken cancellationToken);

    /// <summary>The server refused this token: forget it, so the next <see cref="GetAsync"/> fetches a new one.</summary>
    void Forget(string token);
}

/// <summary>An SMTP server said no, or could not be reached or signed in to.</summary>
public sealed class SmtpException(string message, int replyCode = 0, bool rejectsMessage = false, Exception? inner = null)
    : IOException(message, inner)
{
    /// <summary>The server's three-digit reply code, or 0 when it never answered.</summary>
    public int ReplyCode { get; } = replyCode;

    /// <summary>
    /// The server refused this message for good (a 5xx to its recipient or its content), so sending it
    /// again cannot help. A 5xx to the sender or to authentication is a set-up problem that an
    /// administrator can fix, so it is not this.
    /// </summary>
    public bool RejectsMessage { get; } = rejectsMessage;
}
