using LearningHub.Core.Boards;

namespace LearningHub.Cases.Domain;

/// <summary>
/// The content of a module at one version. A draft is edited in place; once published it is frozen, and
/// a revision is a new version copied from it. Version numbers count up per module.
/// </summary>
public class CaseModuleVersion : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid ModuleId { get; set; }

    public CaseModule Module { get; set; } = null!;

    public int Number { get; set; }

    public VersionState State { get; set; }

    public string Title { get; set; } = "";

    public ReviewType ReviewType { get; set; }

    /// <summary>When the review or briefing was published (not when this version was).</summary>
    public DateOnly? ReviewPublishedOn { get; set; }

    public string Summary { get; set; } = "";

    public string ContentWarning { get; set; } = "";

    /// <summary>Markdown: where to get support.</summary>
    public string SupportSignposting { get; set; } = "";

    /// <summary>
    /// Computed, never typed: from the words a practitioner reads and the reflective questions they answer
    /// (<see cref="Services.EstimatedTime"/>), set when the version is published.
    /// </summary>
    public int EstimatedMinutes { get; set; }

    /// <summary>
    /// The few things to take away, one a line, shown in a box at the top of the module. Plain text (each line
    /// is shown as a list item, never as HTML).
    /// </summary>
    public string KeyMessages { get; set; } = "";

    /// <summary>Markdown: what the board did or does in response.</summary>
    public string? BoardResponse { get; set; }

    /// <summary>What the author says changed in this version (shown on the changes page).</summary>
    public string? ChangeNote { get; set; }

    /// <summary>Title, summary, sections and findings in one text, for full-text search (kept when published).</summary>
    public string SearchText { get; set; } = "";

    /// <summary>For versions written by a recipe: a hash of the recipe's module, so re-applying it changes nothing.</summary>
    public string? SourceHash { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string? SubmittedByUserId { get; set; }

    public DateTime? SubmittedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public string? PublishedByUserId { get; set; }

    public List<CaseVersionTheme> Themes { get; set; } = [];

    public List<CaseVersionTopic> Topics { get; set; } = [];

    public List<CaseSection> Sections { get; set; } = [];

    public List<CaseChronologyEntry> Chronology { get; set; } = [];

    public List<CaseFinding> Findings { get; set; } = [];

    public List<CaseRecommendation> Recommendations { get; set; } = [];

    /// <summary>What this means for practice, by role; shown by the module's "What this means for your practice" section.</summary>
    public List<CasePracticeAction> PracticeActions { get; set; } = [];

    /// <summary>The key messages one by one (blank lines and list markers left out).</summary>
    public IReadOnlyList<string> KeyMessageList() => SplitKeyMessages(KeyMessages);

    public static IReadOnlyList<string> SplitKeyMessages(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim().TrimStart('-', '*').Trim()).Where(l => l.Length > 0).ToList();
}

public class CaseVersionTheme : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid VersionId { get; set; }

    public Guid ThemeId { get; set; }
}

public class CaseVersionTopic : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid VersionId { get; set; }

    public Guid TopicId { get; set; }
}

/// <summary>
/// An ordered Markdown section of a kind (Summary, Chronology...). <see cref="Key"/> follows it across versions,
/// and its reflective questions are a Forms form attached to <see cref="Services.CaseReflection.Context"/> of that key.
/// </summary>
public class CaseSection : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid VersionId { get; set; }

    /// <summary>Stays the same when a revision copies the section, so versions can be compared.</summary>
    public Guid Key { get; set; } = Guid.NewGuid();

    public int Position { get; set; }

    public SectionKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";
}

public class CaseChronologyEntry : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid VersionId { get; set; }

    public int Position { get; set; }

    /// <summary>A date or a period as the review gives it ("March 2016").</summary>
    public string When { get; set; } = "";

    public string What { get; set; } = "";

    public string? Agencies { get; set; }
}

public class CaseFinding : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid VersionId { get; set; }

    public int Position { get; set; }

    public string Text { get; set; } = "";

    public Guid? ThemeId { get; set; }

    public string? LinesOfEnquiry { get; set; }
}

/// <summary>A recommendation in the board's own words, with its rationale, theme, scope and status.</summary>
public class CaseRecommendation : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid VersionId { get; set; }

    public int Position { get; set; }

    /// <summary>Text so lettered parts fit ("2a", "R3").</summary>
    public string Number { get; set; } = "";

    public string Text { get; set; } = "";

    public string? Rationale { get; set; }

    public Guid? ThemeId { get; set; }

    public RecommendationScope Scope { get; set; }

    public RecommendationStatus Status { get; set; }

    /// <summary>
    /// Why the status is what it is; required when it is Not accepted (<see cref="Services.RecommendationRecord.NeedsReason"/>,
    /// the same rule as the board's record of later changes).
    /// </summary>
    public string? StatusReason { get; set; }
}

/// <summary>One thing a practitioner in a role can do differently because of the review.</summary>
public class CasePracticeAction : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid VersionId { get; set; }

    public int Position { get; set; }

    public PracticeRole Role { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>A step in a version's review: submitted, returned with a comment, published, archived.</summary>
public class CaseReviewEvent : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid ModuleId { get; set; }

    public Guid VersionId { get; set; }

    public ReviewAction Action { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = "";

    public string? Comment { get; set; }

    public DateTime AtUtc { get; set; }
}

public enum ReviewAction
{
    Submitted,
    Returned,
    Published,
    Archived,
}
