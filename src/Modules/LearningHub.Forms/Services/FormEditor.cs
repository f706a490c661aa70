using System.Text;
using System.Text.RegularExpressions;
using LearningHub.Core.Data;
using LearningHub.Forms.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Forms.Services;

/// <summary>A question as an author describes it, before it is placed in a version.</summary>
public sealed record QuestionDraft(
    QuestionType Type,
    string Text,
    string? Key,
    string? Hint,
    bool IsRequired,
    IReadOnlyList<string> Options,
    int? MaxLength,
    string? ScaleLowLabel,
    string? ScaleHighLabel,
    bool MayQuoteAnonymously = false);

/// <summary>A whole form as code or a recipe describes it, for <see cref="FormEditor.DefineAsync"/>.</summary>
public sealed record FormDefinition(string Key, string Title, string? Description, FormPurpose Purpose, bool IsAnonymous,
    IReadOnlyList<QuestionDraft> Questions);

/// <summary>A form definition that cannot be applied (the field is the definition's: "anonymous", "questions[2].text").</summary>
public sealed class FormDefinitionException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// Changes to a form's questions. The rule that keeps old answers meaningful lives here: a version
/// that anyone has started answering is never changed; the first change after that copies it into a
/// new version, which new submissions answer from then on.
/// </summary>
public sealed partial class FormEditor(LearningHubDbContext db, TimeProvider clock)
{
    public Task<Form?> FindAsync(Guid formId, CancellationToken cancellationToken = default) =>
        db.Set<Form>().SingleOrDefaultAsync(f => f.Id == formId, cancellationToken);

    public Task<bool> KeyTakenAsync(string key, Guid? exceptFormId = null, CancellationToken cancellationToken = default) =>
        db.Set<Form>().AnyAsync(f => f.Key == key && f.Id != exceptFormId, cancellationToken);

    public Task<int> SubmissionCountAsync(Guid formId, CancellationToken cancellationToken = default) =>
        db.Set<FormSubmission>().CountAsync(s => s.FormId == formId && s.SubmittedUtc != null, cancellationToken);

    /// <summary>Adds a new form with an empty first version. The caller saves.</summary>
    public Form Create(string key, string title, string? description, FormPurpose purpose, bool anonymous)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var form = new Form
        {
            Key = key,
            Title = title,
            Description = description,
            Purpose = purpose,
            IsAnonymous = anonymous,
            CurrentVersion = 1,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        form.Versions.Add(new FormVersion { FormId = form.Id, Number = 1, CreatedUtc = now });
        db.Add(form);
        return form;
    }

    /// <summary>
    /// Creates the form with these questions, or brings the board's form with that key up to date. The same
    /// questions change nothing; different ones replace the current version's, or become a new version when
    /// anyone has answered it (answers keep their questions). The caller saves, so the form lands in the
    /// caller's own unit of work (a recipe, a case module's section). Throws <see cref="FormDefinitionException"/>.
    /// </summary>
    public async Task<Form> DefineAsync(FormDefinition definition, CancellationToken cancellationToken = default)
    {
        if (!IsValidKey(definition.Key))
        {
            throw new FormDefinitionException("key", $"'{definition.Key}' must use only lower case letters, numbers and single hyphens.");
        }

        var questions = new List<FormQuestion>();
        foreach (var (draft, index) in definition.Questions.Select((d, i) => (d, i)))
        {
            if (Problems(draft) is [var (field, message), ..])
            {
                throw new FormDefinitionException($"questions[{index}].{field}", message + ".");
            }

            var question = new FormQuestion { Key = "", Text = "", Position = questions.Count + 1 };
            Apply(question, draft, questions.Select(q => q.Key));
            if (draft.Key is not null && question.Key != draft.Key)
            {
                throw new FormDefinitionException($"questions[{index}].key", $"'{draft.Key}' is used by more than one question of this form.");
            }

            questions.Add(question);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var forms = db.Set<Form>();
        var form = forms.Local.SingleOrDefault(f => f.Key == definition.Key)
                   ?? await forms.SingleOrDefaultAsync(f => f.Key == definition.Key, cancellationToken);
        if (form is null)
        {
            form = Create(definition.Key, definition.Title, definition.Description, definition.Purpose, definition.IsAnonymous);
            AddQuestions(form.Versions[0], questions);
            return form;
        }

        if (form.Title != definition.Title || form.Description != definition.Description || form.Purpose != definition.Purpose
            || form.IsAnonymous != definition.IsAnonymous)
        {
            if (form.IsAnonymous != definition.IsAnonymous && await SubmissionCountAsync(form.Id, cancellationToken) > 0)
            {
                throw new FormDefinitionException("anonymous", $"cannot change: form '{form.Key}' already has answers.");
            }

            (form.Title, form.Description, form.Purpose, form.IsAnonymous) =
                (definition.Title, definition.Description, definition.Purpose, definition.IsAnonymous);
            form.UpdatedUtc = now;
        }

        if (db.Entry(form).State == EntityState.Added)
        {
            var added = form.Versions.Single(v => v.Number == form.CurrentVersion);
            db.RemoveRange(added.Questions);
            added.Questions.Clear();
            AddQuestions(added, questions);
            return form;
        }

        var current = (await CurrentVersionAsync(form, cancellationToken)).Questions.OrderBy(q => q.Position).ToList();
        if (current.Count == questions.Count && current.Zip(questions).All(pair => pair.First.SameAs(pair.Second)))
        {
            return form;
        }

        FormVersion target;
        if (await CurrentVersionAnsweredAsync(form, cancellationToken))
        {
            target = new FormVersion { FormId = form.Id, Number = form.CurrentVersion + 1, CreatedUtc = now };
            db.Add(target);
            form.CurrentVersion = target.Number;
        }
        else
        {
            target = await db.Set<FormVersion>().Include(v => v.Questions)
                .SingleAsync(v => v.FormId == form.Id && v.Number == form.CurrentVersion, cancellationToken);
            db.RemoveRange(target.Questions);
            target.Questions.Clear();
        }

        AddQuestions(target, questions);
        form.UpdatedUtc = now;
        return form;
    }

    private void AddQuestions(FormVersion version, List<FormQuestion> questions)
    {
        foreach (var question in questions)
        {
            question.FormVersionId = version.Id;
            version.Questions.Add(question);
            db.Add(question);
        }
    }

    /// <summary>The current version with its questions, read-only.</summary>
    public async Task<FormVersion> CurrentVersionAsync(Form form, CancellationToken cancellationToken = default) =>
        await db.Set<FormVersion>().AsNoTracking().Include(v => v.Questions)
            .SingleAsync(v => v.FormId == form.Id && v.Number == form.CurrentVersion, cancellationToken);

    /// <summary>Whether anyone has started or submitted answers to the form's current version.</summary>
    public Task<bool> CurrentVersionAnsweredAsync(Form form, CancellationToken cancellationToken = default) =>
        db.Set<FormSubmission>().AnyAsync(
            s => s.FormId == form.Id && db.Set<FormVersion>().Any(v => v.Id == s.FormVersionId && v.Number == form.CurrentVersion),
            cancellationToken);

    /// <summary>
    /// The version to change: the current one if nobody has answered it, otherwise a copy made the new
    /// current version. The map takes a question of the current version to its copy.
    /// </summary>
    public async Task<(FormVersion Version, Dictionary<Guid, FormQuestion> Map)> EditableVersionAsync(Form form, CancellationToken cancellationToken = default)
    {
        var current = await db.Set<FormVersion>().Include(v => v.Questions)
            .SingleAsync(v => v.FormId == form.Id && v.Number == form.CurrentVersion, cancellationToken);
        if (!await CurrentVersionAnsweredAsync(form, cancellationToken))
        {
            return (current, current.Questions.ToDictionary(q => q.Id));
        }

        var next = new FormVersion { FormId = form.Id, Number = current.Number + 1, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        var map = new Dictionary<Guid, FormQuestion>();
        foreach (var question in current.Questions.OrderBy(q => q.Position))
        {
            var copy = question.CopyTo(next.Id);
            next.Questions.Add(copy);
            map[question.Id] = copy;
        }

        db.Add(next);
        form.CurrentVersion = next.Number;
        return (next, map);
    }

    /// <summary>Adds a question at the end (<paramref name="questionId"/> null) or changes one, then saves.</summary>
    public async Task SaveQuestionAsync(Form form, Guid? questionId, QuestionDraft draft, CancellationToken cancellationToken = default)
    {
        var (version, map) = await EditableVersionAsync(form, cancellationToken);
        FormQuestion question;
        if (questionId is { } id)
        {
            question = map.TryGetValue(id, out var found) ? found : throw new InvalidOperationException("No such question on this form.");
        }
        else
        {
            question = new FormQuestion
            {
                FormVersionId = version.Id,
                Key = "",
                Text = "",
                Position = version.Questions.Count == 0 ? 1 : version.Questions.Max(q => q.Position) + 1,
            };
            version.Questions.Add(question);
            db.Add(question);
        }

        Apply(question, draft, version.Questions.Where(q => q != question).Select(q => q.Key));
        form.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> MoveQuestionAsync(Form form, Guid questionId, int direction, CancellationToken cancellationToken = default)
    {
        var (version, map) = await EditableVersionAsync(form, cancellationToken);
        if (!map.TryGetValue(questionId, out var question))
        {
            return false;
        }

        var ordered = version.Questions.OrderBy(q => q.Position).ToList();
        var index = ordered.IndexOf(question);
        var other = index + Math.Sign(direction);
        if (other < 0 || other >= ordered.Count)
        {
            return true;
        }

        (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
        Renumber(ordered);
        form.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RemoveQuestionAsync(Form form, Guid questionId, CancellationToken cancellationToken = default)
    {
        var (version, map) = await EditableVersionAsync(form, cancellationToken);
        if (!map.TryGetValue(questionId, out var question))
        {
            return false;
        }

        // Read before the question leaves the collection: removing a new version's (Added) copy detaches it, and
        // deleting a detached copy would be a DELETE of a row never written (a concurrency error, a 500).
        var isStored = db.Entry(question).State != EntityState.Added;
        version.Questions.Remove(question);
        if (isStored)
        {
            db.Remove(question);
        }

        Renumber(version.Questions.OrderBy(q => q.Position).ToList());
        form.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Copies an author's description of a question onto it, keeping keys unique in the version.</summary>
    public static void Apply(FormQuestion question, QuestionDraft draft, IEnumerable<string> otherKeys)
    {
        question.Type = draft.Type;
        question.Text = draft.Text.Trim();
        question.Hint = string.IsNullOrWhiteSpace(draft.Hint) ? null : draft.Hint.Trim();
        question.IsRequired = draft.IsRequired;
        var choices = draft.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice;
        question.OptionsText = choices ? string.Join('\n', draft.Options.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct()) : null;
        question.MaxLength = draft.Type switch
        {
            QuestionType.LongText => Math.Clamp(draft.MaxLength ?? FormQuestion.DefaultLongTextLimit, 1, FormQuestion.LongTextCeiling),
            QuestionType.ShortText => Math.Clamp(draft.MaxLength ?? FormQuestion.ShortTextLimit, 1, FormQuestion.ShortTextLimit),
            _ => null,
        };
        question.ScaleLowLabel = draft.Type == QuestionType.Scale ? NullIfBlank(draft.ScaleLowLabel) ?? "Not at all" : null;
        question.ScaleHighLabel = draft.Type == QuestionType.Scale ? NullIfBlank(draft.ScaleHighLabel) ?? "Very much" : null;
        question.MayQuoteAnonymously = draft.MayQuoteAnonymously && FormQuestion.CanBeQuoted(draft.Type);
        var taken = otherKeys.ToHashSet(StringComparer.Ordinal);
        var key = string.IsNullOrWhiteSpace(draft.Key) ? Slug(question.Text) : draft.Key.Trim();
        var unique = key;
        for (var n = 2; taken.Contains(unique); n++)
        {
            unique = $"{key}-{n}";
        }

        question.Key = unique;
    }

    /// <summary>What is wrong with a question as described, by field name (empty when it is fine); used by the builder and the recipe step.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(QuestionDraft draft)
    {
        var problems = new List<(string, string)>();
        if (!Enum.IsDefined(draft.Type))
        {
            problems.Add(("Type", "Select the type of question"));
        }

        if (string.IsNullOrWhiteSpace(draft.Text))
        {
            problems.Add(("Text", "Enter the question"));
        }
        else if (draft.Text.Trim().Length > 500)
        {
            problems.Add(("Text", "The question must be 500 characters or fewer"));
        }

        if (!string.IsNullOrWhiteSpace(draft.Key) && !IsValidKey(draft.Key.Trim()))
        {
            problems.Add(("Key", "The question key must use only lower case letters, numbers and single hyphens, like confidence-coercive-control, and be 100 characters or fewer"));
        }

        if (draft.Hint is { Length: > 1000 })
        {
            problems.Add(("Hint", "The hint must be 1,000 characters or fewer"));
        }

        if (draft.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
        {
            var options = draft.Options.Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
            if (options.Count < 2)
            {
                problems.Add(("Options", "Enter at least 2 answers to choose from, one on each line"));
            }
            else if (options.Count > 30 || options.Any(o => o.Length > 200) || string.Join('\n', options).Length > 4000)
            {
                problems.Add(("Options", "Enter no more than 30 answers to choose from, each 200 characters or fewer"));
            }
            else if (options.Distinct(StringComparer.Ordinal).Count() != options.Count)
            {
                problems.Add(("Options", "Each answer to choose from must be different"));
            }
        }

        if (draft.Type == QuestionType.LongText && draft.MaxLength is < 1 or > FormQuestion.LongTextCeiling)
        {
            problems.Add(("MaxLength", $"The longest answer must be from 1 to {FormQuestion.LongTextCeiling:N0} characters"));
        }

        if (draft.Type == QuestionType.ShortText && draft.MaxLength is < 1 or > FormQuestion.ShortTextLimit)
        {
            problems.Add(("MaxLength", $"The longest answer to a short text question must be from 1 to {FormQuestion.ShortTextLimit} characters"));
        }

        if (draft.ScaleLowLabel is { Length: > 100 } || draft.ScaleHighLabel is { Length: > 100 })
        {
            problems.Add((draft.ScaleLowLabel is { Length: > 100 } ? "ScaleLowLabel" : "ScaleHighLabel", "Scale labels must be 100 characters or fewer"));
        }

        return problems;
    }

    public static bool IsValidKey(string key) => key.Length is > 0 and <= 100 && KeyPattern().IsMatch(key);

    /// <summary>A key made from text: lower case words joined by hyphens, at most 60 characters.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= 60)
            {
                break;
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "question" : slug;
    }

    private static void Renumber(IList<FormQuestion> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i + 1;
        }
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();
}
