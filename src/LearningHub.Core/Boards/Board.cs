namespace LearningHub.Core.Boards;

/// <summary>A safeguarding children board (partnership): the tenant every board-owned row belongs to.</summary>
public class Board : Recipes.IEditedSinceRecipe
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

    /// <summary>The partners the footer names (one line of text, e.g. the statutory safeguarding partners).</summary>
    public string? PartnersText { get; set; }

    /// <summary>What to do if a child is at risk now, outside office hours (shown on every page's footer).</summary>
    public string? OutOfHoursText { get; set; }

    /// <summary>The out-of-hours safeguarding telephone number.</summary>
    public string? OutOfHoursPhone { get; set; }

    /// <summary>
    /// The lawful bases the board relies on, in its own words, for the privacy notice. The board decides them (it is
    /// the data controller), so the code states none itself.
    /// </summary>
    public string? LawfulBasisText { get; set; }

    /// <summary>
    /// What the board states in its accessibility statement beyond what the site knows of itself: problems it has
    /// found, and manual testing or an audit it has had done, with dates.
    /// </summary>
    public string? AccessibilityNotesText { get; set; }

    /// <summary>
    /// When someone last changed the board's settings on the settings page; null when the recipe last set them. A
    /// recipe applied again leaves what the page edits alone while this is set (<see cref="Recipes.RecipeEdits"/>).
    /// </summary>
    public DateTime? EditedSinceRecipeUtc { get; set; }

    public int WaitlistOfferHours { get; set; } = 48;

    public int ReminderDaysBefore { get; set; } = 2;

    public int CancellationCutoffWorkingDays { get; set; } = 2;

    public int FollowUpDays { get; set; } = 90;

    public DateTime CreatedUtc { get; set; }
}
