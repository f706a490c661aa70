using LearningHub.Core.Learning;

namespace LearningHub.Impact.Services;

/// <summary>
/// Which learning figures are about: the learning that answers a recommendation (its module and the events linked
/// to it), one module (and the events linked to it), one event, or everything the board delivered in a period;
/// and, for an agency lead, one agency only.
/// </summary>
public sealed record ImpactScope
{
    public RecommendationRef? Recommendation { get; init; }

    public string? ModuleKey { get; init; }

    public Guid? EventId { get; init; }

    /// <summary>Start of the period (inclusive, UTC); null for no start.</summary>
    public DateTime? FromUtc { get; init; }

    /// <summary>End of the period (exclusive, UTC); null for no end.</summary>
    public DateTime? ToUtc { get; init; }

    /// <summary>Only people (and answers) of this agency: an agency lead's view.</summary>
    public Guid? AgencyId { get; init; }

    public static ImpactScope For(RecommendationRef recommendation) => new() { Recommendation = recommendation };

    public static ImpactScope ForPeriod(ReportPeriod period) => new() { FromUtc = period.FromUtc, ToUtc = period.ToUtc };

    public bool InPeriod(DateTime utc) => (FromUtc is not { } from || utc >= from) && (ToUtc is not { } to || utc < to);
}
