using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Notifications.Services;

/// <summary>
/// What the settings page saves, already checked. A blank <see cref="Password"/> or <see cref="OAuthClientSecret"/>
/// keeps the stored one.
/// </summary>
public sealed record MailSettingsChange(
    MailTransportKind Transport, string? Host, int Port, SmtpSecurity Security, SmtpAuthentication Authentication,
    string? UserName, string? Password, string? OAuthTokenEndpoint, string? OAuthClientId, string? OAuthClientSecret,
    string? OAuthScope, string? FromAddress, string? FromName);

/// <summary>Saves a board's mail settings with their audit entry, the secrets encrypted and never in the log.</summary>
public sealed class MailSettingsEditor(LearningHubDbContext db, BoardContext boards, MailTransports transports, AuditLog audit)
{
    public async Task SaveAsync(MailSettingsChange change, CancellationToken cancellationToken = default)
    {
        var settings = await db.Set<BoardMailSettings>().SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new BoardMailSettings();
            db.Add(settings);
        }

        settings.Transport = change.Transport;
        settings.Host = change.Host?.Trim();
        settings.Port = change.Port;
        settings.Security = change.Security;
        settings.UserName = string.IsNullOrWhiteSpace(change.UserName) ? null : change.UserName.Trim();
        settings.SignInWith(change.Authentication);
        settings.FromAddress = string.IsNullOrWhiteSpace(change.FromAddress) ? null : change.FromAddress.Trim();
        settings.FromName = string.IsNullOrWhiteSpace(change.FromName) ? null : change.FromName.Trim();
        var newSecret = false;
        if (settings.Authentication == SmtpAuthentication.Password)
        {
            // Only the pickup folder saves without the sign-in checks, and a password needs its user name.
            if (settings.UserName is null)
            {
                settings.ProtectedPassword = null;
            }
            else if (!string.IsNullOrEmpty(change.Password))
            {
                settings.ProtectedPassword = transports.ProtectPassword(change.Password);
                newSecret = true;
            }
        }

        if (settings.Authentication == SmtpAuthentication.OAuthClientCredentials)
        {
            settings.OAuthTokenEndpoint = change.OAuthTokenEndpoint?.Trim();
            settings.OAuthClientId = change.OAuthClientId?.Trim();
            settings.OAuthScope = change.OAuthScope?.Trim();
            if (!string.IsNullOrEmpty(change.OAuthClientSecret))
            {
                settings.ProtectedOAuthClientSecret = transports.ProtectClientSecret(change.OAuthClientSecret);
                newSecret = true;
            }
        }

        // What the settings are now, never the password or client secret: only whether a new one was given
        // (named so the audit log's secret filter, which drops any property named like a password, secret
        // or token, keeps it).
        audit.Record("mail.settings.changed", new AuditTarget("MailSettings", boards.Required.Slug, boards.Required.Name), new
        {
            transport = settings.Transport.ToString(),
            settings.Host,
            settings.Port,
            security = settings.Security.ToString(),
            signIn = settings.Authentication.ToString(),
            settings.UserName,
            oauthEndpoint = settings.OAuthTokenEndpoint,
            oauthClient = settings.OAuthClientId,
            oauthScope = settings.OAuthScope,
            settings.FromAddress,
            settings.FromName,
            signInReplaced = newSecret,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
