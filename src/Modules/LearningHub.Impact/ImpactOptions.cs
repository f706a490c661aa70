namespace LearningHub.Impact;

/// <summary>The <c>Impact</c> configuration section.</summary>
public sealed class ImpactOptions
{
    public const string Section = "Impact";

    /// <summary>
    /// How long the annual-report pack for one board, period and scope (the whole board, or one agency lead's agency)
    /// is shared by everyone who opens it (the page, its CSVs and its PDF) before it is computed again
    /// (<see cref="LearningHub.Core.Pages.SharedReports"/>). Five minutes: the pack is of a reporting year, read and
    /// downloaded for the board's returns, where the last minutes' completions and bookings change nothing anyone
    /// decides, while computing it for the largest board costs about two seconds of the database; the page says when
    /// its figures were computed. Zero computes on every request.
    /// </summary>
    public TimeSpan ReportCacheTime { get; set; } = TimeSpan.FromMinutes(5);
}
