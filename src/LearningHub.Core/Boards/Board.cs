namespace LearningHub.Core.Boards;

/// <summary>A safeguarding children board (partnership): the tenant every board-owned row belongs to.</summary>
public class Board
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>First path segment of the board's pages, e.g. <c>norfolk</c>. Stable key for recipes.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>Short name used in references and mail subjects, e.g. NSCP.</summary>
    public required string ShortName { get; set; }

    public string? Description { get; set; }

    public required string ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public string? WebsiteUrl { get; set; }

    /// <summary>Name of a registered theme (<see cref="Themes.IBoardTheme.Name"/>).</summary>
    public string ThemeName { get; set; } = "Base";

    /// <summary>Text shown as the board's logo in the header; the short name when empty.</summary>
    public string? LogoText { get; set; }

    public string? FooterText { get; set; }

    public int WaitlistOfferHours { get; set; } = 48;

    public int ReminderDaysBefore { get; set; } = 2;

    public int CancellationCutoffWorkingDays { get; set; } = 2;

    public int FollowUpDays { get; set; } = 90;

    public DateTime CreatedUtc { get; set; }
}
