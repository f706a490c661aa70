using LearningHub.Core.Pages;

namespace LearningHub.Web.Pages.Home;

/// <summary>
/// The accessibility statement in the form of GOV.UK's model statement for the Public Sector Bodies (Websites and
/// Mobile Applications) (No. 2) Accessibility Regulations 2018, with the board's name, contacts and its own notes
/// (problems it found, testing it had done) from its settings.
/// </summary>
public sealed class AccessibilityModel : BoardPageModel
{
    /// <summary>When the statement's own text (compliance status, known problems, testing) was last reviewed: change it with them.</summary>
    public static readonly DateOnly PreparedOn = new(2026, 12, 4);

    /// <summary>The board's notes, paragraph by paragraph; empty when it has made none.</summary>
    public IReadOnlyList<string> BoardNotes => (Board.AccessibilityNotesText ?? "")
        .Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
