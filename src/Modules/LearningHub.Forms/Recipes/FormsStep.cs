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
/// version replace it, or make a new version if anyone has answered it; the same questions change nothing
/// (<see cref="FormEditor.DefineAsync"/>, which the cases step uses too for modules' reflective questions).
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

            var definition = new FormDefinition(key, item.String("title", 200), item.OptionalString("description", 2000),
                item.Enum<FormPurpose>("purpose"), item.OptionalBool("anonymous") ?? false, ReadQuestions(item));
            try
            {
                await editor.DefineAsync(definition, cancellationToken);
            }
            catch (FormDefinitionException problem)
            {
                throw Fail(item, problem);
            }
        }
    }

    /// <summary>The recipe's own error for a definition the forms module refused, naming the question and field.</summary>
    private static Exception Fail(RecipeElement form, FormDefinitionException problem)
    {
        var parts = problem.Field.Split('.', 2);
        if (parts.Length == 2 && parts[0].StartsWith("questions[", StringComparison.Ordinal)
            && int.TryParse(parts[0]["questions[".Length..^1], out var index))
        {
            return form.Objects("questions", required: true)[index].Fail(RecipeField(parts[1]), problem.Message);
        }

        return form.Fail(problem.Field, problem.Message);
    }

    private static List<QuestionDraft> ReadQuestions(RecipeElement form) =>
        form.Objects("questions", required: true).Select(item => new QuestionDraft(
            item.Enum<QuestionType>("type"),
            item.String("text", 500),
            item.OptionalString("key", 100),
            item.OptionalString("hint", 1000),
            item.OptionalBool("required") ?? true,
            item.Strings("options"),
            item.OptionalInt("maxLength", 1, FormQuestion.LongTextCeiling),
            item.OptionalString("scaleLow", 100),
            item.OptionalString("scaleHigh", 100),
            item.OptionalBool("quotable") ?? false)).ToList();

    private static string RecipeField(string field) => field switch
    {
        "ScaleLowLabel" => "scaleLow",
        "ScaleHighLabel" => "scaleHigh",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };
}
