namespace LearningHub.Core.Recipes;

/// <summary>A recipe that cannot be applied, with where the problem is: file, step index and field.</summary>
public sealed class RecipeException(string fileName, int? stepIndex, string? field, string problem)
    : Exception(Describe(fileName, stepIndex, field, problem))
{
    public string FileName { get; } = fileName;

    /// <summary>Zero-based index in the <c>steps</c> array, or null for a problem with the whole file.</summary>
    public int? StepIndex { get; } = stepIndex;

    /// <summary>Path of the field inside the step, e.g. <c>agencies[2].sector</c>.</summary>
    public string? Field { get; } = field;

    public string Problem { get; } = problem;

    private static string Describe(string fileName, int? stepIndex, string? field, string problem)
    {
        var where = fileName;
        if (stepIndex is not null)
        {
            where += $", step {stepIndex}";
        }

        if (!string.IsNullOrEmpty(field))
        {
            where += $", field '{field}'";
        }

        return $"{where}: {problem}";
    }
}
