using System.Text.Json.Nodes;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Recipes.Services;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Recipes;

/// <summary>Themes and topics are cached per board (BoardTerms); a recipe that changes them shows at once.</summary>
public sealed class CachedTermsTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task A_theme_renamed_by_a_recipe_shows_at_once_on_the_cached_pages_of_its_board_only()
    {
        var client = factory.CreateBrowserClient();
        Assert.Contains("Professional Curiosity", ThemeNames(await client.GetDocumentAsync("/norfolk")));
        var essexBefore = ThemeNames(await client.GetDocumentAsync("/essex"));

        var taxonomies = CaseFixtures.RealStep("norfolk", "taxonomies");
        var theme = taxonomies["themes"]!.AsArray().First(t => (string?)t!["key"] == "professional-curiosity")!;
        theme["name"] = "Curiosity, renamed";
        var recipe = new JsonObject
        {
            ["name"] = "Renamed theme",
            ["steps"] = new JsonArray(CaseFixtures.RealStep("norfolk", "board"), taxonomies),
        };
        await factory.Services.GetRequiredService<RecipeExecutor>().ApplyAsync("norfolk-renamed.recipe.json", recipe.ToJsonString());

        var norfolk = ThemeNames(await client.GetDocumentAsync("/norfolk"));
        Assert.Contains("Curiosity, renamed", norfolk);
        Assert.DoesNotContain("Professional Curiosity", norfolk);
        Assert.Equal(essexBefore, ThemeNames(await client.GetDocumentAsync("/essex")));
        Assert.Contains("Communication and information sharing", essexBefore);
        Assert.Contains("Curiosity, renamed", (await client.GetDocumentAsync("/norfolk/modules")).QuerySelector("main")!.TextContent);
    }

    private static List<string> ThemeNames(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("main .govuk-summary-list__key").Select(k => k.TextContent.Trim()).ToList();
}
