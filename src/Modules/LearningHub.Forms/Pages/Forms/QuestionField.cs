using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;

namespace LearningHub.Forms.Pages.Forms;

/// <summary>One question as shown: what the person typed or chose (kept when the page fails), and its error.</summary>
public sealed record QuestionField(FormQuestion Question, IReadOnlyList<string> Values, string Day, string Month, string Year, string? Error)
{
    public string Name => AnswerValidator.FieldName(Question);

    public string Value => Values.Count > 0 ? Values[0] : "";

    public bool Has(string value) => Values.Contains(value, StringComparer.Ordinal);

    /// <summary>The fields from a stored answer (a draft), for showing the page again.</summary>
    public static QuestionField FromStored(FormQuestion question, string? stored)
    {
        if (stored is null)
        {
            return new QuestionField(question, [], "", "", "", null);
        }

        if (question.Type == QuestionType.Date && DateOnly.TryParseExact(stored, "yyyy-MM-dd", out var date))
        {
            return new QuestionField(question, [], date.Day.ToString(), date.Month.ToString(), date.Year.ToString(), null);
        }

        return new QuestionField(question, question.Type == QuestionType.MultipleChoice ? stored.Split('\n') : [stored], "", "", "", null);
    }

    /// <summary>The fields exactly as posted, so nothing typed is lost when the page fails.</summary>
    public static QuestionField FromPosted(FormQuestion question, Func<string, Microsoft.Extensions.Primitives.StringValues> posted, string? error)
    {
        var name = AnswerValidator.FieldName(question);
        string One(string field) => posted(field) is { Count: 1 } v ? v[0] ?? "" : "";
        return new QuestionField(question, posted(name).Where(v => v is not null).Select(v => v!).ToList(),
            One($"{name}-day"), One($"{name}-month"), One($"{name}-year"), error);
    }
}
