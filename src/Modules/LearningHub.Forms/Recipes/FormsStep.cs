using System.Text.Json;
using LearningHub.Core.Recipes;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Forms.Recipes;

/// <summary>
/// <c>{ "step": "forms", "forms": [ { "key": "event-evaluation", "title": "...", "purpose": "EventEvaluation",
/// "anonymous": true, "description": "...", "questions": [ { "key": "confidence-coercive-control", "type": "Scale",
/// "text": "...", "hint": "...", "required": true, "options": ["..."], "maxLength": 1000, "scaleLow": "...",
/// "scaleHigh": "..." } ] } ] }</c>. Forms are matched by key. Questions that differ from the current
/// version replace it, or make a new version if anyone has answered it; the same questions change nothing.
/// </summary>
public sealed class FormsStep : IRecipeStepHandler
{
    public string StepName => "forms";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var editor = context.Services.GetRequiredService<FormEditor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in context.Step.Objects("forms", required: true))
        {
            var key = item.String("key", 100);
            if (!FormEditor.IsValidKey(key))
            {
                throw item.Fail("key", $"'{key}' must use only lower case letters, numbers and single hyphens.");
            }

            if (!seen.Add(key))
            {
                throw item.Fail("key", $"'{key}' is used by more than one form in this step.");
            }

            var title = item.String("title", 200);
            var description = item.OptionalString("description", 2000);
            var purpose = item.Enum<FormPurpose>("purpose");
            var anonymous = Bool(item, "anonymous", false);
            var questions = ReadQuestions(item);

            var form = await context.Db.Set<Form>().SingleOrDefaultAsync(f => f.Key == key, cancellationToken);
            if (form is null)
            {
                form = editor.Create(key, title, description, purpose, anonymous);
                var first = form.Versions[0];
                foreach (var question in questions)
                {
                    question.FormVersionId = first.Id;
                    context.Db.Add(question);
                }

                continue;
            }

            if (form.Title != title || form.Description != description || form.Purpose != purpose || form.IsAnonymous != anonymous)
            {
                if (form.IsAnonymous != anonymous && await editor.SubmissionCountAsync(form.Id, cancellationToken) > 0)
                {
                    throw item.Fail("anonymous", $"cannot change: form '{key}' already has answers.");
                }

                (form.Title, form.Description, form.Purpose, form.IsAnonymous) = (title, description, purpose, anonymous);
            }

            var current = (await editor.CurrentVersionAsync(form, cancellationToken)).Questions.OrderBy(q => q.Position).ToList();
            if (current.Count == questions.Count && current.Zip(questions).All(pair => pair.First.SameAs(pair.Second)))
            {
                continue;
            }

            // Answers keep their questions: once anyone has answered (or started) the current version, the
            // recipe's questions become a new version; otherwise they replace the current version's.
            FormVersion target;
            if (await editor.CurrentVersionAnsweredAsync(form, cancellationToken))
            {
                target = new FormVersion { FormId = form.Id, Number = form.CurrentVersion + 1, CreatedUtc = DateTime.UtcNow };
                context.Db.Add(target);
                form.CurrentVersion = target.Number;
            }
            else
            {
                target = await context.Db.Set<FormVersion>().Include(v => v.Questions)
                    .SingleAsync(v => v.FormId == form.Id && v.Number == form.CurrentVersion, cancellationToken);
                context.Db.RemoveRange(target.Questions);
            }

            foreach (var question in questions)
            {
                question.FormVersionId = target.Id;
                context.Db.Add(question);
            }
        }
    }

    private static List<FormQuestion> ReadQuestions(RecipeElement form)
    {
        var questions = new List<FormQuestion>();
        foreach (var item in form.Objects("questions", required: true))
        {
            var draft = new QuestionDraft(
                item.Enum<QuestionType>("type"),
                item.String("text", 500),
                item.OptionalString("key", 100),
                item.OptionalString("hint", 1000),
                Bool(item, "required", true),
                item.Strings("options"),
                item.OptionalInt("maxLength", 1, FormQuestion.LongTextCeiling),
                item.OptionalString("scaleLow", 100),
                item.OptionalString("scaleHigh", 100));
            if (FormEditor.Problems(draft) is [var (field, message), ..])
            {
                throw item.Fail(RecipeField(field), message + ".");
            }

            var question = new FormQuestion { Key = "", Text = "", Position = questions.Count + 1 };
            FormEditor.Apply(question, draft, questions.Select(q => q.Key));
            if (draft.Key is not null && question.Key != draft.Key)
            {
                throw item.Fail("key", $"'{draft.Key}' is used by more than one question of this form.");
            }

            questions.Add(question);
        }

        return questions;
    }

    private static string RecipeField(string field) => field switch
    {
        "ScaleLowLabel" => "scaleLow",
        "ScaleHighLabel" => "scaleHigh",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };

    private static bool Bool(RecipeElement element, string field, bool fallback)
    {
        if (!element.Json.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw element.Fail(field, "must be true or false."),
        };
    }
}
