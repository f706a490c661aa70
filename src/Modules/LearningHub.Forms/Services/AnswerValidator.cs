using System.Globalization;
using System.Text;
using LearningHub.Core.Validation;
using LearningHub.Forms.Domain;
using Microsoft.Extensions.Primitives;

namespace LearningHub.Forms.Services;

/// <summary>The outcome of checking one question's answer: a value to store (null: not answered) or an error.</summary>
public sealed record AnswerCheck(FormQuestion Question, string? Value, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// Checks what a browser posted for a question against the question's rules, and turns it into the
/// one stored form of the answer. Anything a browser could not have sent (an option not offered, a
/// scale value of 7, control characters) is refused or removed here, so no invalid answer is stored.
/// </summary>
public static class AnswerValidator
{
    /// <summary>The name of a question's field in a posted form; a date adds <c>-day</c>, <c>-month</c>, <c>-year</c>.</summary>
    public static string FieldName(FormQuestion question) => $"q-{question.Id:N}";

    /// <summary>The id of the first control of a question, which an error summary link focuses.</summary>
    public static string FirstControlId(FormQuestion question) =>
        question.Type == QuestionType.Date ? $"{FieldName(question)}-day" : FieldName(question);

    public static AnswerCheck Check(FormQuestion question, Func<string, StringValues> posted)
    {
        var name = FieldName(question);
        return question.Type switch
        {
            QuestionType.ShortText or QuestionType.LongText => CheckText(question, posted(name)),
            QuestionType.SingleChoice => CheckSingle(question, posted(name), question.Options, "Select"),
            QuestionType.YesNo => CheckSingle(question, posted(name), ["yes", "no"], "Select"),
            QuestionType.Scale => CheckSingle(question, posted(name), ["1", "2", "3", "4", "5"], "Select"),
            QuestionType.MultipleChoice => CheckMultiple(question, posted(name)),
            QuestionType.Date => CheckDate(question, posted($"{name}-day"), posted($"{name}-month"), posted($"{name}-year")),
            _ => new AnswerCheck(question, null, $"“{question.Text}” cannot be answered"),
        };
    }

    /// <summary>Checks a stored answer again (on submit), so a draft saved under other rules cannot slip through.</summary>
    public static AnswerCheck CheckStored(FormQuestion question, string? stored)
    {
        if (question.Type == QuestionType.Date)
        {
            if (stored is null)
            {
                return question.IsRequired ? new AnswerCheck(question, null, $"Enter a date for “{question.Text}”") : new AnswerCheck(question, null, null);
            }

            return DateOnly.TryParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? new AnswerCheck(question, stored, null)
                : new AnswerCheck(question, null, $"The date for “{question.Text}” must be a real date");
        }

        var values = stored is null ? StringValues.Empty
            : question.Type == QuestionType.MultipleChoice ? new StringValues(stored.Split('\n')) : new StringValues(stored);
        return Check(question, _ => values);
    }

    /// <summary>
    /// Line breaks made the same everywhere (<c>\n</c>), other control characters and lone surrogates
    /// (which are not valid text and cannot be stored as UTF-8) removed, ends trimmed.
    /// </summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        var normalised = text.Replace("\r\n", "\n").Replace('\r', '\n');
        for (var i = 0; i < normalised.Length; i++)
        {
            var c = normalised[i];
            if (char.IsHighSurrogate(c) && i + 1 < normalised.Length && char.IsLowSurrogate(normalised[i + 1]))
            {
                builder.Append(c).Append(normalised[i + 1]);
                i++;
            }
            else if (!char.IsSurrogate(c) && (c == '\n' || c == '\t' || !char.IsControl(c)))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    private static AnswerCheck CheckText(FormQuestion question, StringValues posted)
    {
        var text = posted.Count == 1 ? Clean(posted[0] ?? "") : string.Join(" ", posted.Select(v => Clean(v ?? ""))).Trim();
        if (text.Length == 0)
        {
            return question.IsRequired ? new AnswerCheck(question, null, $"Enter your answer to “{question.Text}”") : new AnswerCheck(question, null, null);
        }

        if (text.Length > question.TextLimit)
        {
            return new AnswerCheck(question, null, $"Your answer to “{question.Text}” must be {question.TextLimit:N0} characters or fewer");
        }

        if (question.Type == QuestionType.ShortText && text.Contains('\n'))
        {
            text = text.Replace('\n', ' ');
        }

        return new AnswerCheck(question, text, null);
    }

    private static AnswerCheck CheckSingle(FormQuestion question, StringValues posted, IReadOnlyList<string> offered, string verb)
    {
        var values = posted.Where(v => !string.IsNullOrEmpty(v)).ToList();
        if (values.Count == 0)
        {
            return question.IsRequired ? new AnswerCheck(question, null, $"{verb} an answer to “{question.Text}”") : new AnswerCheck(question, null, null);
        }

        if (values.Count > 1 || !offered.Contains(values[0], StringComparer.Ordinal))
        {
            return new AnswerCheck(question, null, $"Select one of the answers offered for “{question.Text}”");
        }

        return new AnswerCheck(question, values[0], null);
    }

    private static AnswerCheck CheckMultiple(FormQuestion question, StringValues posted)
    {
        var values = posted.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();
        if (values.Count == 0)
        {
            return question.IsRequired ? new AnswerCheck(question, null, $"Select at least one answer to “{question.Text}”") : new AnswerCheck(question, null, null);
        }

        var options = question.Options;
        if (values.Any(v => !options.Contains(v, StringComparer.Ordinal)))
        {
            return new AnswerCheck(question, null, $"Select only answers offered for “{question.Text}”");
        }

        // Stored in the order the options are listed, whatever order they were posted in.
        return new AnswerCheck(question, string.Join('\n', options.Where(values.Contains)), null);
    }

    private static AnswerCheck CheckDate(FormQuestion question, StringValues day, StringValues month, StringValues year)
    {
        string Part(StringValues v) => v.Count == 1 ? Clean(v[0] ?? "") : "";
        var (d, m, y) = (Part(day), Part(month), Part(year));
        if (d.Length == 0 && m.Length == 0 && y.Length == 0)
        {
            return question.IsRequired ? new AnswerCheck(question, null, $"Enter a date for “{question.Text}”") : new AnswerCheck(question, null, null);
        }

        if (d.Length == 0 || m.Length == 0 || y.Length == 0)
        {
            return new AnswerCheck(question, null, $"The date for “{question.Text}” must include a day, month and year");
        }

        if (!int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var dd)
            || !int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var mm)
            || !int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var yy)
            || y.Length != 4 || yy < 1 || mm is < 1 or > 12 || dd < 1 || dd > DateTime.DaysInMonth(yy, mm))
        {
            return new AnswerCheck(question, null, $"The date for “{question.Text}” must be a real date, like 27 3 2026");
        }

        if (!FormDates.InRange(new DateOnly(yy, mm, dd)))
        {
            return new AnswerCheck(question, null, $"The date for “{question.Text}” must be between {FormDates.Earliest.Year} and {FormDates.Latest.Year}");
        }

        return new AnswerCheck(question, new DateOnly(yy, mm, dd).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
    }
}
