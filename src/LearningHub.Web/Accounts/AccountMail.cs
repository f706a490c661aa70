using System.Security.Cryptography;
using System.Text;
using LearningHub.Core.Accounts;
using LearningHub.Notifications.Services;
using LearningHub.Notifications.Templates;

namespace LearningHub.Web.Accounts;

/// <summary>
/// The account mails, from the board's templates: confirm your email, reset your password. They are
/// queued in the outbox, so they go with the caller's SaveChanges or not at all.
/// </summary>
public sealed class AccountMail(TemplatedMail mail)
{
    public Task QueueConfirmationAsync(ApplicationUser user, string link) =>
        QueueAsync(DefaultMailTemplates.ConfirmEmail.Key, user, link);

    public Task QueuePasswordResetAsync(ApplicationUser user, string link) =>
        QueueAsync(DefaultMailTemplates.ResetPassword.Key, user, link);

    private Task QueueAsync(string templateKey, ApplicationUser user, string link)
    {
        // Each link (token) is its own message: asking again sends a new mail, a retry of the same does not.
        var dedupeKey = $"{templateKey}:{user.Id}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(link)))[..16]}";
        return mail.QueueAsync(templateKey, user.Email!, user.FullName,
            new Dictionary<string, string> { [DefaultMailTemplates.Link] = link }, dedupeKey);
    }
}
