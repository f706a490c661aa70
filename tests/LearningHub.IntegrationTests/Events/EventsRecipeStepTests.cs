using System.Text.Json.Nodes;
using LearningHub.Core.Recipes;
using LearningHub.Events.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Events;

/// <summary>The recipe step <c>events</c>, applied with the exact steps of the boards' recipes.</summary>
public sealed class EventsRecipeStepTests : IClassFixture<EventsFactory>
{
    private readonly EventsFactory _factory;

    public EventsRecipeStepTests(EventsFactory factory) => _factory = factory;

    private RecipeExecutor Executor => _factory.Services.GetRequiredService<RecipeExecutor>();

    private static JsonObject Recipe(string board, JsonNode eventsStep) => new()
    {
        ["name"] = $"{board} events",
        ["steps"] = new JsonArray(
            new JsonObject
            {
                ["step"] = "board",
                ["slug"] = board,
                ["name"] = board == "norfolk" ? "Norfolk Safeguarding Children Board" : "Essex Safeguarding Children Board",
                ["shortName"] = board == "norfolk" ? "NSCB" : "ESCB",
                ["contactEmail"] = $"learning@{board}.example"
            },
            eventsStep.DeepClone()),
    };

    /// <summary>The <c>events</c> step of a board's real recipe.</summary>
    private static JsonNode ProposedStep(string recipeFile)
    {
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "recipes", recipeFile)))!;
        return recipe["steps"]!.AsArray().Single(s => (string?)s!["step"] == "events")!;
    }

    [Fact]
    public async Task The_proposed_steps_create_the_roadshows_and_events_with_dates_relative_to_today_and_applying_again_changes_nothing()
    {
        var norfolk = Recipe("norfolk", ProposedStep("norfolk.recipe.json"));
        var board = (JsonObject)norfolk["steps"]![0]!;
        // Keep the board's own settings: read them from the board as it is.
        var existing = await _factory.WithBoardAsync("norfolk", db => db.Boards.AsNoTracking().SingleAsync(b => b.Slug == "norfolk"));
        board["name"] = existing.Name;
        board["shortName"] = existing.ShortName;
        board["contactEmail"] = existing.ContactEmail;

        await Executor.ApplyAsync("norfolk.recipe.json", norfolk.ToJsonString());

        var events = await _factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().AsNoTracking().Where(e => e.Key != null).ToListAsync());
        var sessions = events.Where(e => e.Key!.StartsWith("spring-roadshow-", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, sessions.Count);
        Assert.True(sessions.Select(s => s.LocalityId).Distinct().Count() >= 4, "Sessions in several localities");
        Assert.All(sessions, s => Assert.Equal(["case-y", "case-r"], s.LinkedModules));
        Assert.All(sessions, s => Assert.Equal(
            [new LearningHub.Core.Learning.RecommendationRef("case-y", "1"), new("case-y", "7"), new("case-r", "5")], s.LinkedRecommendations));
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        var norwich = sessions.Single(s => s.Key == "spring-roadshow-norwich");
        // "+14d": fourteen days from today, UK time, moved to the Monday after when that day is a Saturday or Sunday
        // (RelativeTime; a run on a Saturday or Sunday lands there).
        var expectedDay = LearningHub.Core.Time.LondonTime.ToLondon(now).Date.AddDays(14);
        while (expectedDay.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            expectedDay = expectedDay.AddDays(1);
        }

        Assert.Equal(expectedDay, LearningHub.Core.Time.LondonTime.ToLondon(norwich.StartUtc).Date);
        Assert.Equal(new TimeSpan(9, 30, 0), LearningHub.Core.Time.LondonTime.ToLondon(norwich.StartUtc).TimeOfDay);
        var a1 = events.Single(e => e.Key == "learning-event-case-a1");
        Assert.True(a1.RequiresApproval);
        Assert.Equal(EventFormat.Hybrid, a1.Format);

        // Applied again on a later day: matched by key, dates kept.
        _factory.Clock.Advance(TimeSpan.FromDays(3));
        await Executor.ApplyAsync("norfolk.recipe.json", norfolk.ToJsonString());
        var again = await _factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().AsNoTracking().Where(e => e.Key != null).ToListAsync());
        Assert.Equal(events.Count, again.Count);
        Assert.Equal(norwich.StartUtc, again.Single(e => e.Key == "spring-roadshow-norwich").StartUtc);
        Assert.Equal(1, await _factory.WithBoardAsync("norfolk", db => db.Set<Roadshow>().CountAsync()));
    }

    [Fact]
    public async Task The_proposed_Essex_step_applies_and_an_unknown_locality_is_refused_naming_the_field()
    {
        var existing = await _factory.WithBoardAsync("essex", db => db.Boards.AsNoTracking().SingleAsync(b => b.Slug == "essex"));
        var essex = Recipe("essex", ProposedStep("essex.recipe.json"));
        var board = (JsonObject)essex["steps"]![0]!;
        board["name"] = existing.Name;
        board["shortName"] = existing.ShortName;
        board["contactEmail"] = existing.ContactEmail;
        await Executor.ApplyAsync("essex.recipe.json", essex.ToJsonString());
        Assert.Equal(5, await _factory.WithBoardAsync("essex", db => db.Set<LearningEvent>().CountAsync(e => e.Key!.StartsWith("briefing-2017-"))));

        var broken = essex.DeepClone().AsObject();
        broken["steps"]![1]!["roadshows"]![0]!["sessions"]![0]!["locality"] = "atlantis";
        var error = await Assert.ThrowsAsync<RecipeException>(() => Executor.ApplyAsync("essex.recipe.json", broken.ToJsonString()));
        Assert.Contains("roadshows[0].sessions[0].locality", error.Message);
    }
}
