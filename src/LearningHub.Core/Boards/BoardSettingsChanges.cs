using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Core.Boards;

/// <summary>What a board administrator can change on the settings page.</summary>
public sealed record BoardSettings(
    string Name,
    string ShortName,
    string ContactEmail,
    string? ContactPhone,
    string? FooterText,
    string? PartnersText,
    string? OutOfHoursText,
    string? OutOfHoursPhone,
    string? LawfulBasisText,
    string? AccessibilityNotesText)
{
    public static BoardSettings Of(Board board) => new(board.Name, board.ShortName, board.ContactEmail, board.ContactPhone,
        board.FooterText, board.PartnersText, board.OutOfHoursText, board.OutOfHoursPhone, board.LawfulBasisText,
        board.AccessibilityNotesText);
}

/// <summary>
/// Saves the current board's settings with one audit entry (<c>boards.settings.changed</c>, the old and new value of
/// each changed field), marks them as the board's own so a recipe applied again leaves them alone, and forgets the
/// cached board so the next request shows them.
/// </summary>
public sealed class BoardSettingsChanges(LearningHubDbContext db, BoardContext boards, BoardDirectory directory, AuditLog audit, TimeProvider clock)
{
    public const string Changed = "boards.settings.changed";

    public async Task<BoardSettings> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var id = boards.Required.Id;
        return BoardSettings.Of(await db.Boards.AsNoTracking().SingleAsync(b => b.Id == id, cancellationToken));
    }

    /// <summary>True when something changed.</summary>
    public async Task<bool> SaveAsync(BoardSettings settings, CancellationToken cancellationToken = default)
    {
        var id = boards.Required.Id;
        var board = await db.Boards.SingleAsync(b => b.Id == id, cancellationToken);
        var before = BoardSettings.Of(board);
        if (before == settings)
        {
            return false;
        }

        board.Name = settings.Name;
        board.ShortName = settings.ShortName;
        board.ContactEmail = settings.ContactEmail;
        board.ContactPhone = settings.ContactPhone;
        board.FooterText = settings.FooterText;
        board.PartnersText = settings.PartnersText;
        board.OutOfHoursText = settings.OutOfHoursText;
        board.OutOfHoursPhone = settings.OutOfHoursPhone;
        board.LawfulBasisText = settings.LawfulBasisText;
        board.AccessibilityNotesText = settings.AccessibilityNotesText;
        board.EditedSinceRecipeUtc = clock.GetUtcNow().UtcDateTime;

        var changed = typeof(BoardSettings).GetProperties()
            .Where(p => !Equals(p.GetValue(before), p.GetValue(settings)))
            .ToList();
        audit.Record(Changed, new AuditTarget("Board", board.Id.ToString(), board.Name), new
        {
            before = changed.ToDictionary(p => p.Name, p => p.GetValue(before)),
            after = changed.ToDictionary(p => p.Name, p => p.GetValue(settings)),
        });
        await db.SaveChangesAsync(cancellationToken);
        // After the commit: a request between the two would otherwise cache the old settings again.
        directory.Invalidate();
        return true;
    }
}
