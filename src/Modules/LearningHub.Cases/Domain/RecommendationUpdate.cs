using LearningHub.Core.Boards;

namespace LearningHub.Cases.Domain;

/// <summary>
/// One dated step in the board's record of a published recommendation: its status from then on, why, the evidence,
/// which agency owns the action and by when. A recommendation is known by its module and its number, not by a
/// version's row, because a revision copies the recommendations into new rows and the history must carry over.
/// Updates are only added, never changed: the history is the record the annual report reads.
/// </summary>
public class RecommendationUpdate : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid ModuleId { get; set; }

    /// <summary>The recommendation's number in its module ("2a").</summary>
    public string Number { get; set; } = "";

    public RecommendationStatus Status { get; set; }

    /// <summary>When the change happened (the board's date, which may be before it was recorded).</summary>
    public DateOnly On { get; set; }

    /// <summary>What was done or decided; for Not accepted, the reason (required then).</summary>
    public string? Note { get; set; }

    /// <summary>A web address of the evidence (a report, minutes, an audit).</summary>
    public string? EvidenceUrl { get; set; }

    public Guid? OwnerAgencyId { get; set; }

    public DateOnly? TargetDate { get; set; }

    public string? RecordedByUserId { get; set; }

    public string RecordedByName { get; set; } = "";

    public DateTime RecordedUtc { get; set; }
}
