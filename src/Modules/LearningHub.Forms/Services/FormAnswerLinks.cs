using System.Security.Cryptography;
using LearningHub.Core.Boards;
using Microsoft.AspNetCore.DataProtection;

namespace LearningHub.Forms.Services;

/// <summary>
/// The signed part of a link that lets someone without an account (a walk-in) answer one form in one context:
/// it names the board, form, context and recipient, is protected by the site's data-protection keys (shared by
/// every node) and runs out. It opens that form only, as that recipient; once they submit, the form says it has
/// been answered (one submission per recipient and context), so the link is spent.
/// </summary>
public sealed class FormAnswerLinks(IDataProtectionProvider protection, BoardContext boards)
{
    /// <summary>The query value that carries the link's token through the form's pages.</summary>
    public const string QueryName = "answer";

    /// <summary>How long a link stays good after the mail is due to be sent.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(60);

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("LearningHub.Forms.AnswerLink").ToTimeLimitedDataProtector();

    public string Create(string formKey, string context, string recipientId, DateTimeOffset expires) =>
        Protector.Protect(string.Join('\n', boards.Required.Id.ToString("N"), formKey, context, recipientId), expires);

    /// <summary>The recipient a token was made for, when it is genuine, unexpired and for this board, form and context; else null.</summary>
    public string? RecipientFor(string formKey, string context, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000 || boards.BoardId is not { } boardId)
        {
            return null;
        }

        string text;
        try
        {
            text = Protector.Unprotect(token, out _);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = text.Split('\n');
        return parts.Length == 4 && parts[0] == boardId.ToString("N") && parts[1] == formKey && parts[2] == context ? parts[3] : null;
    }
}
