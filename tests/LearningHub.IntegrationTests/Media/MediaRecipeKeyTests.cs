using System.Text.Json.Nodes;
using LearningHub.Cases.Domain;
using LearningHub.Core.Recipes;
using LearningHub.Events.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Media.Domain;
using LearningHub.Recipes.Services;
using LearningHub.Tests.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Media;

/// <summary>
/// The boards' recipes bring their images with the media step, under keys that the cases and events steps use
/// for covers (<c>"cover": "media:diagram-timeline"</c>); applying again duplicates nothing, and a bad entry fails
/// the whole recipe, naming the entry.
/// </summary>
public sealed class MediaRecipeKeyTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private const string TimelineAlt = "Diagram: a chronology drawn as a timeline of ten contacts with agencies, three of them marked in red as missed opportunities";

    private static readonly string RecipesFolder = Path.Combine(AppContext.BaseDirectory, "recipes");

    private RecipeExecutor Executor => factory.Services.GetRequiredService<RecipeExecutor>();

    private static JsonObject Recipe(string board) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RecipesFolder, $"{board}.recipe.json")))!.AsObject();

    private static JsonObject Step(JsonObject recipe, string name) =>
        recipe["steps"]!.AsArray().Select(s => s!.AsObject()).Single(s => s["step"]!.GetValue<string>() == name);

    private Task<int> AssetCountAsync(string board) => factory.WithBoardAsync(board, db => db.Set<MediaAsset>().CountAsync());

    [Theory]
    [InlineData("norfolk", "case-y", "Case Y")]
    [InlineData("essex", "child-j", "Child J")]
    public async Task The_seeded_site_shows_the_recipes_covers_on_modules_and_the_roadshow(string board, string slug, string title)
    {
        string[] keys = ["diagram-agencies", "diagram-timeline", "pattern-rings"];
        var keyed = await factory.WithBoardAsync(board, db => db.Set<MediaAsset>().Where(a => keys.Contains(a.RecipeKey))
            .OrderBy(a => a.RecipeKey).Select(a => new { a.RecipeKey, a.AltText, a.Decorative, a.Width, a.Height }).ToListAsync());
        Assert.Equal(keys, keyed.Select(a => a.RecipeKey));
        Assert.Equal(TimelineAlt, keyed[1].AltText);
        Assert.True(keyed[2].Decorative);
        Assert.All(keyed, a => Assert.Equal((1280, 640), (a.Width, a.Height)));

        var client = factory.CreateBrowserClient();
        var catalogue = await client.GetDocumentAsync($"/{board}/modules");
        var item = catalogue.QuerySelectorAll("main li").Single(li => li.QuerySelector("h3")?.TextContent.Trim() == title);
        var img = item.QuerySelector("picture img")!;
        Assert.Equal(TimelineAlt, img.GetAttribute("alt"));
        Assert.Contains("320w", item.QuerySelector("picture source")!.GetAttribute("srcset"));
        Assert.Equal(2.0, double.Parse(img.GetAttribute("width")!) / double.Parse(img.GetAttribute("height")!), 2);

        var roadshowId = await factory.WithBoardAsync(board, db => db.Set<Roadshow>().Select(r => r.Id).SingleAsync());
        var roadshow = await client.GetDocumentAsync($"/{board}/events/roadshows/{roadshowId}");
        var cover = roadshow.QuerySelector("main picture img")!;
        Assert.Equal("", cover.GetAttribute("alt"));
        Assert.Contains("1280w", cover.GetAttribute("srcset"));
        var timelineId = await factory.WithBoardAsync(board, db => db.Set<MediaAsset>().Where(a => a.RecipeKey == "diagram-timeline").Select(a => a.Id).SingleAsync());
        Assert.Equal(slug, await factory.WithBoardAsync(board, db => db.Set<CaseModule>().Where(m => m.CoverImageId == timelineId).Select(m => m.Slug).SingleAsync()));
    }

    [Fact]
    public async Task Applying_the_boards_recipe_again_brings_no_image_twice_and_changes_nothing()
    {
        var before = await AssetCountAsync("norfolk");

        var again = await Executor.ApplyFileAsync(Path.Combine(RecipesFolder, "norfolk.recipe.json"));

        Assert.False(again.Changed);
        Assert.Equal(before, await AssetCountAsync("norfolk"));
    }

    [Fact]
    public async Task A_module_referring_to_an_unknown_image_fails_the_recipe_naming_the_field()
    {
        var recipe = Recipe("norfolk");
        Step(recipe, "cases")["modules"]![0]!["cover"] = "media:no-such-image";

        var error = await Assert.ThrowsAsync<RecipeException>(() => Executor.ApplyAsync("unknown-cover.recipe.json", recipe.ToJsonString()));

        Assert.Equal("modules[0].cover", error.Field);
        Assert.Equal("'media:no-such-image' is not an image of this board's library: bring it with a media step (\"key\": \"no-such-image\") before this step.", error.Problem);
    }

    [Fact]
    public async Task An_event_with_its_own_cover_shows_it_on_the_list_and_its_roadshow_sessions_without_one_show_the_roadshows()
    {
        var recipe = Recipe("essex");
        var sessions = Step(recipe, "events")["roadshows"]![0]!["sessions"]!.AsArray();
        sessions[0]!["cover"] = "media:diagram-agencies";

        await Executor.ApplyAsync("essex-event-cover.recipe.json", recipe.ToJsonString());

        var keys = new[] { sessions[0]!["key"]!.GetValue<string>(), sessions[1]!["key"]!.GetValue<string>() };
        var ids = await factory.WithBoardAsync("essex", db => db.Set<LearningEvent>().Where(e => keys.Contains(e.Key))
            .ToDictionaryAsync(e => e.Key!, e => e.Id));
        var list = await factory.CreateBrowserClient().GetDocumentAsync("/essex/events");
        // A session's own cover is beside it under its roadshow; one without shows the roadshow's, once for the roadshow.
        string? AltBeside(Guid id)
        {
            var link = list.QuerySelector($"main a[href='/essex/events/{id}']")!;
            var picture = link.Closest("li")!.QuerySelector("picture")
                ?? link.Closest("li.lh-event-list__item")!.Children.FirstOrDefault(c => c.LocalName == "picture");
            return picture?.QuerySelector("img")?.GetAttribute("alt");
        }

        Assert.StartsWith("Diagram: a child at the centre", AltBeside(ids[keys[0]]));
        Assert.Equal("", AltBeside(ids[keys[1]]));

        sessions[1]!["cover"] = "media:not-brought";
        var error = await Assert.ThrowsAsync<RecipeException>(() => Executor.ApplyAsync("essex-event-cover.recipe.json", recipe.ToJsonString()));
        Assert.Equal("roadshows[0].sessions[1].cover", error.Field);
    }

    [Fact]
    public async Task A_bad_entry_after_a_good_one_fails_the_recipe_and_the_good_one_is_not_stored_either()
    {
        var name = $"test-{Guid.NewGuid():N}.png";
        var path = Path.Combine(RecipesFolder, "media", name);
        await File.WriteAllBytesAsync(path, TestImages.Png(900, 500));
        try
        {
            var recipe = Recipe("norfolk");
            Step(recipe, "media")["images"]!.AsArray().Add(new JsonObject { ["key"] = "test-good", ["file"] = $"media/{name}", ["alt"] = "A test picture" });
            Step(recipe, "media")["images"]!.AsArray().Add(new JsonObject { ["key"] = "test-no-alt", ["file"] = "media/diagram-agencies.png" });
            var before = await AssetCountAsync("norfolk");
            var mediaFiles = Directory.GetFiles(Path.Combine(factory.DataPath, "media", "norfolk")).Length;

            var error = await Assert.ThrowsAsync<RecipeException>(() => Executor.ApplyAsync("half.recipe.json", recipe.ToJsonString()));

            Assert.Equal("images[4].alt", error.Field);
            Assert.Contains("is required unless the image is decorative", error.Problem);
            Assert.Equal(before, await AssetCountAsync("norfolk"));
            Assert.Equal(mediaFiles, Directory.GetFiles(Path.Combine(factory.DataPath, "media", "norfolk")).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_new_picture_under_an_existing_key_replaces_the_image_so_covers_that_use_it_follow()
    {
        var name = $"test-{Guid.NewGuid():N}.png";
        var path = Path.Combine(RecipesFolder, "media", name);
        var recipe = Recipe("essex");
        var images = Step(recipe, "media")["images"]!.AsArray();
        images.Add(new JsonObject { ["key"] = "test-replace", ["file"] = $"media/{name}", ["alt"] = "First picture" });
        Step(recipe, "events")["roadshows"]![0]!["cover"] = "media:test-replace";
        try
        {
            await File.WriteAllBytesAsync(path, TestImages.Png(700, 350));
            await Executor.ApplyAsync("replace.recipe.json", recipe.ToJsonString());
            var first = await factory.WithBoardAsync("essex", db => db.Set<MediaAsset>().SingleAsync(a => a.RecipeKey == "test-replace"));

            await File.WriteAllBytesAsync(path, TestImages.Png(800, 400));
            images[^1]!["alt"] = "Second picture";
            await Executor.ApplyAsync("replace.recipe.json", recipe.ToJsonString());

            var second = await factory.WithBoardAsync("essex", db => db.Set<MediaAsset>().SingleAsync(a => a.RecipeKey == "test-replace"));
            Assert.Equal(first.Id, second.Id);
            Assert.NotEqual(first.ContentHash, second.ContentHash);
            Assert.Equal((800, 400, "Second picture"), (second.Width, second.Height, second.AltText));
            Assert.Equal(first.Id, await factory.WithBoardAsync("essex", db => db.Set<Roadshow>().Select(r => r.CoverImageId).SingleAsync()));
        }
        finally
        {
            File.Delete(path);
            // Leave the board's roadshow as its own recipe has it, for the other tests of this class.
            await Executor.ApplyFileAsync(Path.Combine(RecipesFolder, "essex.recipe.json"));
        }
    }
}
