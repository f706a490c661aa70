using System.Text.Encodings.Web;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using System.Security.Cryptography;
using System.Text;
using LearningHub.Notifications.Services;

namespace LearningHub.Web.Accounts;

/// <summary>
/// The account mails: confirm your email, reset your password. Queued in the outbox, so they go with
/// the caller's SaveChanges: plain text first, HTML alongside.
/// </summary>
public sealed class AccountMail(MailQueue queue, BoardContext boards)
{
    public Task QueueConfirmationAsync(ApplicationUser user, string link) =>
        QueueAsync("accounts.confirm-email", user, link, "Confirm your email address",
            $"You (or someone using your email address) created an account on {boards.Required.Name}'s LearningHub.",
            "Confirm your email address to finish setting up your account:",
            "If you did not create this account, you can ignore this email.");

    public Task QueuePasswordResetAsync(ApplicationUser user, string link) =>
        QueueAsync("accounts.reset-password", user, link, "Reset your password",
            $"Someone asked to reset the password of your account on {boards.Required.Name}'s LearningHub.",
            "Choose a new password (the link works for 24 hours):",
            "If you did not ask for this, you can ignore this email: your password has not changed.");

    private Task QueueAsync(string category, ApplicationUser user, string link, string subject, string opening, string instruction, string closing)
    {
        var board = boards.Required;
        var footer = $"{board.Name}. Contact: {board.ContactEmail}";
        var text = $"Dear {user.FullName},\n\n{opening}\n\n{instruction}\n{link}\n\n{closing}\n\n--\n{footer}\n";
        var e = HtmlEncoder.Default;
        var html = $"<p>Dear {e.Encode(user.FullName)},</p><p>{e.Encode(opening)}</p><p>{e.Encode(instruction)}<br>" +
                   $"<a href=\"{e.Encode(link)}\">{e.Encode(link)}</a></p><p>{e.Encode(closing)}</p><hr><p>{e.Encode(footer)}</p>";
        // Each link (token) is its own message: asking again sends a new mail, a retry of the same does not.
        var dedupeKey = $"{category}:{user.Id}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(link)))[..16]}";
        return queue.EnqueueAsync(dedupeKey, category, new OutgoingMail(user.Email!, user.FullName, $"{board.ShortName}: {subject}", text, html));
    }
}
