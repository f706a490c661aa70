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

/// <summary>How a board's mail leaves: its transport, server and sender. One row per board, or none for the defaults.</summary>
public class BoardMailSettings : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public MailTransportKind Transport { get; set; } = MailTransportKind.PickupFolder;

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    /// <summary>The SMTP password, encrypted with ASP.NET Core data protection; never shown back.</summary>
    public string? ProtectedPassword { get; set; }

    /// <summary>Sender address; the board's contact email when empty.</summary>
    public string? FromAddress { get; set; }

    /// <summary>Sender name; the board's name when empty.</summary>
    public string? FromName { get; set; }
}
