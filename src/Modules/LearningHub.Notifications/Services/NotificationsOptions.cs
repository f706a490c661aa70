using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace LearningHub.Notifications.Services;

/// <summary>The <c>Notifications</c> configuration section.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>Off on an instance that should only queue (e.g. a web node when another sends).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How long, at most, each pass of the dispatcher waits in all while a rush of bookings is being decided
    /// (<c>ForegroundWork</c>: as many at once as cores, now or a tenth of a second ago): before its claim and again
    /// before each message, so a rush of bookings, even one that begins mid-pass, gets the CPU before their mail; zero
    /// sends at once. Far shorter than <see cref="ClaimLease"/>, so a waiting pass keeps its claim.
    /// </summary>
    public TimeSpan GiveWayToBookingsFor { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before a message is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait before the second attempt; each later wait doubles (with ±20% jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a claimed message stays claimed: a dispatcher that dies mid-send releases it after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>SMTP connection and send timeout.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A PEM certificate to trust as a root for SMTP servers' TLS, besides the system's: a council's
    /// internal CA, or a relay's self-signed certificate. Host names must still match.
    /// </summary>
    public string? SmtpTrustedCertificateFile { get; set; }
}

/// <summary>Checks the settings that would otherwise only fail at the first send.</summary>
public sealed class NotificationsOptionsValidation : IValidateOptions<NotificationsOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SmtpTrustedCertificateFile))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            using var certificate = MailTransports.LoadCertificate(options.SmtpTrustedCertificateFile);
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or FormatException)
        {
            return ValidateOptionsResult.Fail(
                $"Notifications:SmtpTrustedCertificateFile '{options.SmtpTrustedCertificateFile}' is not a readable PEM or DER certificate: {ex.Message}");
        }
    }
}
