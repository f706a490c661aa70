using LearningHub.Core.Boards;

namespace LearningHub.Cases.Domain;

/// <summary>
/// One review made teachable, across all its versions. The module is the stable identity (slug, who
/// created it, whether it is archived); its content lives in <see cref="CaseModuleVersion"/>s. At most one
/// version is being worked on (Draft or In review) and at most one is the published one practitioners see.
/// </summary>
public class CaseModule : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    /// <summary>Unique per board, lower case, digits and hyphens: the address and the recipe's stable key.</summary>
    public string Slug { get; set; } = "";

    /// <summary>The version practitioners see (a plain id, not a foreign key: versions point at their module).</summary>
    public Guid? PublishedVersionId { get; set; }

    /// <summary>The version an author is writing or a reviewer is reviewing, if any.</summary>
    public Guid? WorkingVersionId { get; set; }

    /// <summary>Where the module is in the workflow; kept by <c>CaseWorkflow</c> with the version ids.</summary>
    public CaseModuleStatus Status { get; set; }

    /// <summary>Copied from the published version so the catalogue sorts and lists without a join.</summary>
    public string Title { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public string? CreatedByUserId { get; set; }

    /// <summary>Set when the board withdraws the module: practitioners no longer find it; records stay.</summary>
    public DateTime? ArchivedUtc { get; set; }

    /// <summary>
    /// The image the catalogue shows for the module: a media asset of this board. Kept on the module,
    /// not a version, because it presents the module rather than teaching from the review.
    /// </summary>
    public Guid? CoverImageId { get; set; }

    public List<CaseModuleVersion> Versions { get; set; } = [];
}

public enum CaseModuleStatus
{
    Draft,
    InReview,
    Published,
    Archived,
}

public enum VersionState
{
    Draft,
    InReview,
    Published,

    /// <summary>Was published; a later version replaced it. Completions of it keep pointing at it.</summary>
    Superseded,
}

public enum ReviewType
{
    SeriousCaseReview,
    ChildSafeguardingPracticeReview,
    PartnershipLearningReview,
    PracticeLearningBriefing,
}

public enum SectionKind
{
    Summary,
    Methodology,
    Background,
    Chronology,
    AnalysisOfPractice,
    GoodPractice,
    Recommendations,
    BoardResponse,
    LearningActivities,

    /// <summary>"What this means for your practice": the version's practice actions, by role.</summary>
    PracticeActions,
    Other,
}

/// <summary>Who a practice action is for (the roles the national panel's and NSPCC's briefings address).</summary>
public enum PracticeRole
{
    Health,
    ChildrensSocialCare,
    Police,
    EducationAndEarlyYears,
    Everyone,
}

public enum RecommendationScope
{
    SingleAgency,
    MultiAgency,
    Board,
}

/// <summary>
/// Where the board is with a recommendation. Authors set the first status; after publication the board keeps a
/// dated history of changes (<see cref="RecommendationUpdate"/>) and the latest one is the status.
/// </summary>
public enum RecommendationStatus
{
    NotYetKnown,
    Accepted,
    ActionPlanned,
    InProgress,
    Completed,
    ImpactEvidenced,
    NotAccepted,
}

/// <summary>The words people see for the enums (the recipe uses the same words).</summary>
public static class CaseText
{
    public static string Of(ReviewType type) => type switch
    {
        ReviewType.SeriousCaseReview => "Serious Case Review",
        ReviewType.ChildSafeguardingPracticeReview => "Child Safeguarding Practice Review",
        ReviewType.PartnershipLearningReview => "Partnership Learning Review",
        _ => "Practice Learning Briefing",
    };

    public static string Of(SectionKind kind) => kind switch
    {
        SectionKind.AnalysisOfPractice => "Analysis of practice",
        SectionKind.GoodPractice => "Good practice",
        SectionKind.BoardResponse => "Board response",
        SectionKind.LearningActivities => "Learning activities",
        SectionKind.PracticeActions => "What this means for your practice",
        _ => kind.ToString(),
    };

    public static string Of(RecommendationScope scope) => scope switch
    {
        RecommendationScope.SingleAgency => "Single agency",
        RecommendationScope.MultiAgency => "Multi-agency",
        _ => "Board",
    };

    public static string Of(RecommendationStatus status) => status switch
    {
        RecommendationStatus.NotYetKnown => "Not yet known",
        RecommendationStatus.ActionPlanned => "Action planned",
        RecommendationStatus.InProgress => "In progress",
        RecommendationStatus.ImpactEvidenced => "Impact evidenced",
        RecommendationStatus.NotAccepted => "Not accepted",
        _ => status.ToString(),
    };

    public static string Of(PracticeRole role) => role switch
    {
        PracticeRole.ChildrensSocialCare => "Children's social care",
        PracticeRole.EducationAndEarlyYears => "Education and early years",
        _ => role.ToString(),
    };

    public static string Of(CaseModuleStatus status) => status == CaseModuleStatus.InReview ? "In review" : status.ToString();

    public static string Of(VersionState state) => state == VersionState.InReview ? "In review" : state.ToString();
}
