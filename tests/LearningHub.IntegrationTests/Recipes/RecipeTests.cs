using System.Text.Json;
using System.Text.Json.Nodes;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Core.Recipes;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Recipes;

public sealed class RecipeTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private static string RecipePath(string board) => Path.Combine(AppContext.BaseDirectory, "recipes", $"{board}.recipe.json");

    private RecipeExecutor Executor => factory.Services.GetRequiredService<RecipeExecutor>();

    /// <summary>Every row of every table the foundation's steps write, across all boards, as text.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningHubDbContext>();
        var snapshot = new
        {
            boards = await db.Boards.AsNoTracking().OrderBy(b => b.Slug).ToListAsync(),
            agencies = await db.Agencies.IgnoreQueryFilters().AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            localities = await db.Localities.IgnoreQueryFilters().AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            themes = await db.LearningThemes.IgnoreQueryFilters().AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            topics = await db.Topics.IgnoreQueryFilters().AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            grants = await db.BoardRolePermissions.IgnoreQueryFilters().AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            runs = await db.RecipeRuns.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
        };
        return JsonSerializer.Serialize(snapshot);
    }

    private static JsonObject Recipe(string board) => JsonNode.Parse(File.ReadAllText(RecipePath(board)))!.AsObject();

    /// <summary>A copy of the Norfolk recipe made into a new board, so a refused apply has something to half-do.</summary>
    private static JsonObject SuffolkRecipe(string slug = "suffolk")
    {
        var recipe = Recipe("norfolk");
        var board = recipe["steps"]![0]!.AsObject();
        board["slug"] = slug;
        board["name"] = $"Board of {slug}";
        return recipe;
    }

    [Fact]
    public async Task Applying_a_recipe_twice_changes_nothing_the_second_time()
    {
        await Executor.ApplyFileAsync(RecipePath("norfolk"));
        var before = await SnapshotAsync();

        var result = await Executor.ApplyFileAsync(RecipePath("norfolk"));

        Assert.False(result.Changed);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Bad_json_is_refused_naming_the_file_and_line()
    {
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<RecipeException>(() => Executor.ApplyAsync("broken.recipe.json", "{\n  \"name\": \"Broken\",\n  \"steps\": [ { \"step\": \"board\", } \n"));

        Assert.Equal("broken.recipe.json", error.FileName);
        Assert.Null(error.StepIndex);
        Assert.Contains("not valid JSON (line", error.Message);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task An_unknown_step_is_refused_before_anything_is_applied()
    {
        var recipe = SuffolkRecipe();
        recipe["steps"]!.AsArray().Add(new JsonObject { ["step"] = "fireworks" });
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<RecipeException>(() => Executor.ApplyAsync("suffolk.recipe.json", recipe.ToJsonString()));

        Assert.Equal(recipe["steps"]!.AsArray().Count - 1, error.StepIndex);
        Assert.Equal("step", error.Field);
        Assert.Contains("'fireworks' is not a known step", error.Message);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_missing_field_in_a_later_step_rolls_back_the_earlier_steps()
    {
        var recipe = SuffolkRecipe();
        recipe["steps"]![2]!["agencies"]![1]!.AsObject().Remove("sector");
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<RecipeException>(() => Executor.ApplyAsync("suffolk.recipe.json", recipe.ToJsonString()));

        Assert.Equal("suffolk.recipe.json, step 2, field 'agencies[1].sector': is required and must be text.", error.Message);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Null(await factory.Services.CreateScope().ServiceProvider.GetRequiredService<BoardDirectory>().FindAsync("suffolk"));
    }

    [Theory]
    [InlineData(1, "name", "Neon", "'Neon' is not an installed theme")]
    [InlineData(2, "agencies[0].sector", "Fire brigade", "'Fire brigade' is not one of")]
    [InlineData(0, "contactEmail", "nobody", "'nobody' is not an email address")]
    [InlineData(0, "slug", "health", "must be 2–40 lower-case letters")]
    public async Task A_bad_value_is_refused_naming_step_and_field(int stepIndex, string field, string value, string problem)
    {
        var recipe = SuffolkRecipe();
        var target = recipe["steps"]![stepIndex]!.AsObject();
        if (field.StartsWith("agencies", StringComparison.Ordinal))
        {
            target["agencies"]![0]!["sector"] = value;
        }
        else
        {
            target[field] = value;
        }

        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<RecipeException>(() => Executor.ApplyAsync("suffolk.recipe.json", recipe.ToJsonString()));

        Assert.Equal(stepIndex, error.StepIndex);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Message);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_step_that_needs_a_board_must_come_after_the_board_step()
    {
        var recipe = SuffolkRecipe();
        var steps = recipe["steps"]!.AsArray();
        var board = steps[0]!;
        steps.RemoveAt(0);
        steps.Add(board);

        var error = await Assert.ThrowsAsync<RecipeException>(() => Executor.ApplyAsync("suffolk.recipe.json", recipe.ToJsonString()));

        Assert.Equal(0, error.StepIndex);
        Assert.Contains("put a 'board' step before it", error.Message);
    }

    [Fact]
    public async Task A_new_recipe_creates_its_board_and_a_changed_recipe_updates_by_key()
    {
        var recipe = SuffolkRecipe("cambridgeshire");
        var first = await Executor.ApplyAsync("cambridgeshire.recipe.json", recipe.ToJsonString());
        Assert.True(first.Changed);
        Assert.Equal("cambridgeshire", first.BoardSlug);

        recipe["steps"]![2]!["agencies"]![0]!["name"] = "Suffolk Constabulary";
        var second = await Executor.ApplyAsync("cambridgeshire.recipe.json", recipe.ToJsonString());

        Assert.True(second.Changed);
        var agencies = await factory.WithBoardAsync("cambridgeshire", db => db.Agencies.Where(a => a.Key == "norfolk-constabulary").ToListAsync());
        Assert.Equal("Suffolk Constabulary", Assert.Single(agencies).Name);
        var norfolk = await factory.WithBoardAsync("norfolk", db => db.Agencies.SingleAsync(a => a.Key == "norfolk-constabulary"));
        Assert.Equal("Norfolk Constabulary", norfolk.Name);
    }

    [Fact]
    public async Task Command_line_lists_recipes_and_refuses_a_bad_one_with_its_location()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        Assert.Equal(0, await RecipeCommands.RunAsync(factory.Services, ["recipes", "list"], output, errors));
        Assert.Contains("norfolk.recipe.json", output.ToString());
        Assert.Contains("essex.recipe.json", output.ToString());

        var bad = Path.Combine(factory.DataPath, "bad.recipe.json");
        var recipe = SuffolkRecipe();
        recipe["steps"]![3]!["roles"]![1]!["permissions"] = new JsonArray("reports.view", "everything.allowed");
        await File.WriteAllTextAsync(bad, recipe.ToJsonString());

        Assert.Equal(1, await RecipeCommands.RunAsync(factory.Services, ["recipes", "apply", bad], output, errors));
        Assert.Contains("bad.recipe.json, step 3, field 'roles[1].permissions': 'everything.allowed' is not a permission", errors.ToString());

        Assert.Equal(0, await RecipeCommands.RunAsync(factory.Services, ["recipes", "apply", RecipePath("essex")], output, errors));
        Assert.Contains("nothing changed", output.ToString());
    }
}
