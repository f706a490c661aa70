namespace LearningHub.Notifications.Templates;

/// <summary>The names of a template's three parts, as used in <see cref="TemplateProblem.Field"/>.</summary>
public static class MailTemplatePart
{
    public const string Subject = "Subject";
    public const string TextBody = "TextBody";
    public const string HtmlBody = "HtmlBody";
}

/// <summary>
/// One thing wrong with a template part, in words a BoardAdmin can act on.
/// </summary>
/// <param name="Field">"Subject", "TextBody" or "HtmlBody" (<see cref="MailTemplatePart"/>), so a form can show it by the right field.</param>
/// <param name="Message">The problem and how to fix it.</param>
/// <param name="Line">1-based line in that part where the problem starts, or null if it concerns the whole part.</param>
public sealed record TemplateProblem(string Field, string Message, int? Line = null)
{
    public override string ToString() => Line is { } line ? $"{Field}, line {line}: {Message}" : $"{Field}: {Message}";
}

/// <summary>The result of checking a template's subject and bodies against its definition.</summary>
public sealed class TemplateValidation
{
    public TemplateValidation(IReadOnlyList<TemplateProblem> problems)
    {
        Problems = problems;
    }

    /// <summary>Every problem, subject first, then the plain-text body, then the HTML body.</summary>
    public IReadOnlyList<TemplateProblem> Problems { get; }

    public bool IsValid => Problems.Count == 0;

    /// <summary>The problems in one part ("Subject", "TextBody" or "HtmlBody").</summary>
    public IReadOnlyList<TemplateProblem> For(string field) =>
        Problems.Where(p => string.Equals(p.Field, field, StringComparison.Ordinal)).ToList();

    public override string ToString() => IsValid ? "Valid" : string.Join(Environment.NewLine, Problems);
}
