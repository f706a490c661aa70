namespace LearningHub.Core.Privacy;

/// <summary>
/// The one rule for small groups: figures about what fewer than <see cref="Threshold"/> people said (their answers,
/// the mean of their scores) are withheld wherever they are shown or exported, so nobody can be picked out of a small
/// group. Forms' results and the board's impact figures both ask here.
/// </summary>
public static class SmallGroups
{
    public const int Threshold = 5;

    /// <summary>What pages and exports show in place of a withheld figure.</summary>
    public const string TooFew = "too few to show";

    public static bool Hidden(int people) => people < Threshold;

    /// <summary>The count, or null when it is withheld.</summary>
    public static int? Shown(int people) => Hidden(people) ? null : people;
}
