using LearningHub.Core.Boards;

namespace LearningHub.Notifications.Domain;

public enum MailTransportKind
{
    /// <summary><c>.eml</c> files under <c>{DataPath}/mail-pickup/{board}/</c>: the embedded default, loses nothing.</summary>
    PickupFolder,

    Smtp,
}

public enum SmtpSecurity
{
    None,

    /// <summary>Upgrade the connection with STARTTLS (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte, "implicit TLS" (port 465, RFC 8314).</summary>
    SslOnConnect,
}

/// <summary>How the SMTP transport signs in (SMTP AUTH), always over an encrypted connection.</summary>
public enum SmtpAuthentication
{
    None,

    /// <summary>A user name and password.</summary>
    Password,

    /// <summary>
    /// OAuth 2.0 with the client-credentials grant and XOAUTH2: what Microsoft 365 asks for now that it
    /// ends password sign-in for SMTP AUTH.
    /// </summary>
    OAuthClientCredentials,
}

/// <summary>How a board's mail leaves: its transport, server and sender. One row per board, or none for the defaults.</summary>
public class BoardMailSettings : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public MailTransportKind Transport { get; set; } = MailTransportKind.PickupFolder;

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public SmtpAuthentication Authentication { get; set; } = SmtpAuthentication.None;

    /// <summary>The user name to sign in with; with OAuth, the mailbox to send as.</summary>
    public string? UserName { get; set; }

    /// <summary>The SMTP password, encrypted with ASP.NET Core data protection; never shown back.</summary>
    public string? ProtectedPassword { get; set; }

    /// <summary>OAuth 2.0: where to get tokens (https, or http on loopback for tests).</summary>
    public string? OAuthTokenEndpoint { get; set; }

    public string? OAuthClientId { get; set; }

    /// <summary>OAuth 2.0 client secret, encrypted with ASP.NET Core data protection like the password; never shown back.</summary>
    public string? ProtectedOAuthClientSecret { get; set; }

    /// <summary>OAuth 2.0 scope, e.g. <c>https://outlook.office365.com/.default</c> for Microsoft 365.</summary>
    public string? OAuthScope { get; set; }

    /// <summary>
    /// Chooses how the transport signs in and removes what that choice does not use (the user name
    /// without any sign-in, a password or OAuth client kept for a sign-in no longer chosen): a secret
    /// lying about unused is one more to leak. The settings page and the recipe step both come here.
    /// </summary>
    public void SignInWith(SmtpAuthentication authentication)
    {
        Authentication = authentication;
        if (authentication == SmtpAuthentication.None)
        {
            UserName = null;
        }

        if (authentication != SmtpAuthentication.Password)
        {
            ProtectedPassword = null;
        }

        if (authentication != SmtpAuthentication.OAuthClientCredentials)
        {
            OAuthTokenEndpoint = OAuthClientId = OAuthScope = ProtectedOAuthClientSecret = null;
        }
    }

    /// <summary>Sender address; the board's contact email when empty.</summary>
    public string? FromAddress { get; set; }

    /// <summary>Sender name; the board's name when empty.</summary>
    public string? FromName { get; set; }
}
