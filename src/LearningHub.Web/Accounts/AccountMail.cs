using System.Text.Encodings.Web;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Mail;

namespace LearningHub.Web.Accounts;

/// <summary>The account mails: confirm your email, reset your password. Plain text first, HTML alongside.</summary>
public sealed class AccountMail(IMailSender sender, BoardContext boards)
{
    public Task SendConfirmationAsync(ApplicationUser user, string link) =>
        SendAsync(user, "Confirm your email address",
            $"You (or someone using your email address) created an account on {boards.Required.Name}'s LearningHub.",
            "Confirm your email address to finish setting up your account:", link,
            "If you did not create this account, you can ignore this email.");

    public Task SendPasswordResetAsync(ApplicationUser user, string link) =>
        SendAsync(user, "Reset your password",
            $"Someone asked to reset the password of your account on {boards.Required.Name}'s LearningHub.",
            "Choose a new password (the link works for 24 hours):", link,
            "If you did not ask for this, you can ignore this email: your password has not changed.");

    private Task SendAsync(ApplicationUser user, string subject, string opening, string instruction, string link, string closing)
    {
        var board = boards.Required;
        var footer = $"{board.Name}. Contact: {board.ContactEmail}";
        var text = $"Dear {user.FullName},\n\n{opening}\n\n{instruction}\n{link}\n\n{closing}\n\n--\n{footer}\n";
        var e = HtmlEncoder.Default;
        var html = $"<p>Dear {e.Encode(user.FullName)},</p><p>{e.Encode(opening)}</p><p>{e.Encode(instruction)}<br>" +
                   $"<a href=\"{e.Encode(link)}\">{e.Encode(link)}</a></p><p>{e.Encode(closing)}</p><hr><p>{e.Encode(footer)}</p>";
        return sender.SendAsync(new OutgoingMail(user.Email!, user.FullName, $"{board.ShortName}: {subject}", text, html));
    }
}
