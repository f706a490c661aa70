using LearningHub.Core.Boards;
using LearningHub.Core.Pages;

namespace LearningHub.Core.Privacy;

/// <summary>
/// When the retention job last ran for a board. The daily run claims the day with a conditional
/// UPDATE (only while <see cref="LastRunOnUtc"/> is before today), so when several nodes share one
/// database exactly one of them wins the day and the others do nothing.
/// </summary>
public class RetentionRun : IBoardOwned, IPersonalRecord
{
    public Guid BoardId { get; set; }

    /// <summary>The UTC day (at midnight) of the last daily run; null before the first.</summary>
    public DateTime? LastRunOnUtc { get; set; }

    /// <summary>When the job last ran, daily or on an administrator's request.</summary>
    public DateTime? LastRunUtc { get; set; }
}
