using System.Text.RegularExpressions;

namespace LearningHub.Forms.Services;

/// <summary>
/// Where a form is answered, as text other modules choose: <c>kind:key</c>, e.g. <c>event:3f2a...</c>,
/// <c>case-module:child-v:analysis</c>, or <c>general</c> for a form asked on its own.
/// </summary>
public static partial class FormContexts
{
    public const string General = "general";

    public const int MaxLength = Data.FormsModel.ContextLength;

    /// <summary>Letters, digits and <c>: . _ -</c>, up to 200 characters, starting with a letter or digit.</summary>
    public static bool IsValid(string? context) =>
        context is { Length: > 0 and <= MaxLength } && ContextPattern().IsMatch(context);

    public static string For(string kind, string key) => $"{kind}:{key}";

    /// <summary>The part before the first colon: <c>event</c>, <c>case-module</c>, <c>general</c>.</summary>
    public static string Kind(string context) => context.Split(':', 2)[0];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9:._-]*$")]
    private static partial Regex ContextPattern();
}
