using System.Text.Json.Nodes;
using LearningHub.Core.Recipes;
using LearningHub.Forms.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Forms;

/// <summary>The <c>forms</c> recipe step, as the boards' recipes carry it.</summary>
public sealed class FormsStepTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private static string RecipesFolder => Path.Combine(AppContext.BaseDirectory, "recipes");

    private RecipeExecutor Executor => factory.Services.GetRequiredService<RecipeExecutor>();

    /// <summary>The real Norfolk recipe made into a new board, keeping what the forms step needs (no cases or events).</summary>
    private static JsonObject TestRecipe(string slug)
    {
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(RecipesFolder, "norfolk.recipe.json")))!.AsObject();
        var steps = recipe["steps"]!.AsArray();
        steps[0]!["slug"] = slug;
        steps[0]!["name"] = $"Board of {slug}";
        foreach (var step in steps.Where(s => (string?)s!["step"] is "cases" or "events" or "content").ToList())
        {
            steps.Remove(step);
        }

        Assert.Contains(steps, s => (string?)s!["step"] == "forms");
        return recipe;
    }

    [Fact]
    public async Task The_recipes_forms_step_applies_compares_by_key_and_changes_nothing_the_second_time()
    {
        var recipe = TestRecipe("forms-one");
        await Executor.ApplyAsync("forms-one.recipe.json", recipe.ToJsonString());

        var second = await Executor.ApplyAsync("forms-one.recipe.json", recipe.ToJsonString());

        Assert.False(second.Changed);
        var forms = await factory.WithBoardAsync("forms-one", db => db.Set<Form>().Include(f => f.Versions).ThenInclude(v => v.Questions).ToListAsync());
        Assert.Equal(["event-baseline", "event-evaluation", "event-follow-up-90-days", "general-feedback"], forms.Select(f => f.Key).Order().ToArray());
        foreach (var key in new[] { "event-baseline", "event-evaluation", "event-follow-up-90-days" })
        {
            Assert.Contains(forms.Single(f => f.Key == key).Versions.Single().Questions, q => q.Key == "confidence-coercive-control" && q.Type == QuestionType.Scale);
        }

        var evaluation = forms.Single(f => f.Key == "event-evaluation");
        Assert.True(evaluation.IsAnonymous);
        Assert.Equal(2000, evaluation.Versions.Single().Questions.Single(q => q.Key == "will-do-differently").MaxLength);
        Assert.Contains(await factory.WithBoardAsync("forms-one", db => db.BoardRolePermissions.Where(g => g.Role == "Coordinator").Select(g => g.Permission).ToListAsync()),
            p => p == "forms.results");
    }

    [Fact]
    public async Task A_changed_question_after_answers_makes_a_new_version_through_the_recipe()
    {
        var recipe = TestRecipe("forms-two");
        await Executor.ApplyAsync("forms-two.recipe.json", recipe.ToJsonString());
        await factory.SubmitAsync("forms-two", "general-feedback", "general", "someone", new() { ["overall"] = ["Easy"] });
        var general = recipe["steps"]!.AsArray().Single(s => (string?)s!["step"] == "forms")!["forms"]!.AsArray().Single(f => (string?)f!["key"] == "general-feedback")!;
        general["questions"]![0]!["text"] = "Overall, how easy was LearningHub to use?";

        RecipeResult result;
        try
        {
            result = await Executor.ApplyAsync("forms-two.recipe.json", recipe.ToJsonString());
        }
        catch (DbUpdateException e)
        {
            throw new InvalidOperationException(string.Join("; ", e.Entries.Select(x => $"{x.Entity.GetType().Name} {x.State} {string.Join(",", x.Properties.Select(p => p.Metadata.Name + "=" + p.CurrentValue))}")), e);
        }

        Assert.True(result.Changed);
        var versions = await factory.WithBoardAsync("forms-two", db => db.Set<FormVersion>().Include(v => v.Questions)
            .Where(v => db.Set<Form>().Any(f => f.Id == v.FormId && f.Key == "general-feedback")).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.StartsWith("Overall, how easy was it to find", versions[0].Questions.Single(q => q.Key == "overall").Text);
        Assert.Equal("Overall, how easy was LearningHub to use?", versions[1].Questions.Single(q => q.Key == "overall").Text);
    }

    [Theory]
    [InlineData("type", "\"Essay\"", "'Essay' is not one of")]
    [InlineData("options", "[\"Only one\"]", "at least 2 answers")]
    [InlineData("required", "\"sometimes\"", "must be true or false")]
    public async Task A_bad_question_is_refused_naming_the_field(string field, string json, string problem)
    {
        var recipe = TestRecipe("forms-bad");
        var question = recipe["steps"]!.AsArray().Single(s => (string?)s!["step"] == "forms")!["forms"]![1]!["questions"]![2]!;
        question[field] = JsonNode.Parse(json);

        var error = await Assert.ThrowsAsync<RecipeException>(() => Executor.ApplyAsync("forms-bad.recipe.json", recipe.ToJsonString()));

        Assert.Equal($"forms[1].questions[2].{field}", error.Field);
        Assert.Contains(problem, error.Problem);
    }
}
