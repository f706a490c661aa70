namespace LearningHub.Core.Boards;

/// <summary>An immutable snapshot of a board for the request that serves it (safe to cache).</summary>
public sealed record BoardInfo(
    Guid Id,
    string Slug,
    string Name,
    string ShortName,
    string? Description,
    string ContactEmail,
    string? ContactPhone,
    string? WebsiteUrl,
    string ThemeName,
    string LogoText,
    string? FooterText)
{
    /// <summary>The partners the footer names.</summary>
    public string? PartnersText { get; init; }

    /// <summary>What to do if a child is at risk now, outside office hours.</summary>
    public string? OutOfHoursText { get; init; }

    public string? OutOfHoursPhone { get; init; }

    /// <summary>The lawful bases the board states for its privacy notice.</summary>
    public string? LawfulBasisText { get; init; }

    /// <summary>What the board states in its accessibility statement (problems found, manual testing).</summary>
    public string? AccessibilityNotesText { get; init; }

    public static BoardInfo From(Board board) => new(
        board.Id, board.Slug, board.Name, board.ShortName, board.Description, board.ContactEmail,
        board.ContactPhone, board.WebsiteUrl, board.ThemeName,
        string.IsNullOrWhiteSpace(board.LogoText) ? board.ShortName : board.LogoText, board.FooterText)
    {
        PartnersText = board.PartnersText,
        OutOfHoursText = board.OutOfHoursText,
        OutOfHoursPhone = board.OutOfHoursPhone,
        LawfulBasisText = board.LawfulBasisText,
        AccessibilityNotesText = board.AccessibilityNotesText,
    };
}
