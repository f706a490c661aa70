using LearningHub.Core.Privacy;

namespace LearningHub.Core.Learning;

/// <summary>
/// One group of a reach table (an agency, a sector, a locality): how many different people completed or attended
/// the learning, and, for agencies and sectors whose workforce the board recorded, what share of it that is.
/// </summary>
public sealed record ReachGroup(string Group, int People, int? Workforce)
{
    /// <summary>People reached as a share of the workforce (0.25 for a quarter), or null when the board gave no workforce.</summary>
    public double? Share => Workforce is > 0 ? (double)People / Workforce.Value : null;

    /// <summary>The share as the pages and CSV write it, to one decimal place: "12.5%"; "" without a workforce.</summary>
    public string ShareText => Share is { } share ? $"{share * 100:0.0}%" : "";
}

/// <summary>Reach of some learning: different people in all, and by agency, sector and locality (each person counted once).</summary>
public sealed record ReachFigures(int People, IReadOnlyList<ReachGroup> ByAgency, IReadOnlyList<ReachGroup> BySector, IReadOnlyList<ReachGroup> ByLocality);

/// <summary>When an evaluation answer was given, relative to the learning.</summary>
public enum ChangeStage
{
    Before,
    StraightAfter,
    FollowUp,
}

/// <summary>
/// What the people of one group answered to one question at one stage: how many answered, and (unless fewer than
/// <see cref="SmallGroups.Threshold"/> did, when both are null) the mean of a scale and the count of each answer.
/// </summary>
public sealed record ChangeRow(string Group, string QuestionKey, string QuestionText, ChangeStage Stage, int Answered, double? Mean,
    IReadOnlyList<(string Label, int Count)>? Distribution)
{
    public bool Suppressed => SmallGroups.Hidden(Answered);

    public static string StageName(ChangeStage stage) => stage switch
    {
        ChangeStage.Before => "Before",
        ChangeStage.StraightAfter => "Straight after",
        _ => "At follow-up",
    };
}

/// <summary>
/// Change measured for some learning: every group's rows (the first group, "All people", then each agency), in
/// question then stage order. Rows of fewer than <see cref="SmallGroups.Threshold"/> people carry no figures.
/// </summary>
public sealed record ChangeFigures(IReadOnlyList<ChangeRow> Rows)
{
    public const string Everyone = "All people";

    public IEnumerable<ChangeRow> ForEveryone => Rows.Where(r => r.Group == Everyone);

    public IEnumerable<ChangeRow> ByAgency => Rows.Where(r => r.Group != Everyone);
}

/// <summary>A recommendation's reach and measured change, for its page.</summary>
public sealed record RecommendationImpact(ReachFigures Reach, ChangeFigures Change);

/// <summary>
/// The reach and measured change of the learning that answers a recommendation (Impact implements it; Cases'
/// recommendation page shows it with Impact's partials <c>_ImpactReach</c> and <c>_ImpactChange</c>), so Cases does
/// not reference the module that reads across Cases, Events and Forms.
/// </summary>
public interface IRecommendationImpact
{
    Task<RecommendationImpact> ForAsync(RecommendationRef recommendation, CancellationToken cancellationToken = default);
}
