using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Infrastructure;

public static class MailSettingsExtensions
{
    /// <summary>
    /// Points a board's mail at an SMTP server (a test's aiosmtpd), as a BoardAdmin would on the mail
    /// settings page, with the board's own sender address. Makes the settings if the board has none.
    /// </summary>
    public static Task<int> UseSmtpAsync(this LearningHubFactory factory, string board, int port,
        SmtpSecurity security = SmtpSecurity.None, string host = "127.0.0.1") =>
        factory.WithBoardAsync(board, async db =>
        {
            var settings = await db.Set<BoardMailSettings>().SingleOrDefaultAsync();
            if (settings is null)
            {
                settings = new BoardMailSettings();
                db.Add(settings);
            }

            settings.Transport = MailTransportKind.Smtp;
            settings.Host = host;
            settings.Port = port;
            settings.Security = security;
            settings.FromAddress = $"learning@{board}.example";
            return await db.SaveChangesAsync();
        });
}
