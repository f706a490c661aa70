using System.Security.Cryptography;
using System.Text;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Notifications.Services;
using LearningHub.Notifications.Templates;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace LearningHub.Web.Accounts;

/// <summary>
/// The account mails, from the board's templates: confirm your email, reset your password, and "you already
/// have an account" (what the owner of an address gets when someone registers with it, so the registration
/// page itself answers the same for every address). Links come from <see cref="BoardLinks"/>, so from the
/// configured public address, never the request. The mails are queued in the outbox, so they go with the
/// caller's SaveChanges or not at all.
/// </summary>
public sealed class AccountMail(TemplatedMail mail, UserManager<ApplicationUser> users, BoardLinks links)
{
    public async Task QueueConfirmationAsync(ApplicationUser user)
    {
        var link = links.Url("/Account/ConfirmEmail", new { userId = user.Id, code = Encode(await users.GenerateEmailConfirmationTokenAsync(user)) });
        await QueueAsync(DefaultMailTemplates.ConfirmEmail.Key, user, link, dedupeOn: link);
    }

    public async Task QueuePasswordResetAsync(ApplicationUser user)
    {
        var link = links.Url("/Account/ResetPassword", new { userId = user.Id, code = Encode(await users.GeneratePasswordResetTokenAsync(user)) });
        await QueueAsync(DefaultMailTemplates.ResetPassword.Key, user, link, dedupeOn: link);
    }

    /// <summary>Someone tried to register with <paramref name="user"/>'s address; the mail says how to sign in or reset.</summary>
    public Task QueueAccountExistsAsync(ApplicationUser user) =>
        // Each attempt is its own message (the link is always the same, so it cannot tell them apart).
        QueueAsync(DefaultMailTemplates.AccountExists.Key, user, links.Url("/Account/ForgotPassword"), dedupeOn: Guid.NewGuid().ToString("N"));

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private Task QueueAsync(string templateKey, ApplicationUser user, string link, string dedupeOn)
    {
        // Each link (token) is its own message: asking again sends a new mail, a retry of the same does not.
        var dedupeKey = $"{templateKey}:{user.Id}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dedupeOn)))[..16]}";
        return mail.QueueAsync(templateKey, user.Email!, user.FullName,
            new Dictionary<string, string> { [DefaultMailTemplates.Link] = link }, dedupeKey);
    }
}
