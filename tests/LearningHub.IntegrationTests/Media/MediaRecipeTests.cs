using System.Text.Json.Nodes;
using LearningHub.Core.Recipes;
using LearningHub.Media.Domain;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Media;

/// <summary>The <c>media</c> recipe step, applied from a test recipe (the boards' own recipes do not use it yet).</summary>
public sealed class MediaRecipeTests(MediaFactory factory) : IClassFixture<MediaFactory>
{
    private RecipeExecutor Executor => factory.Services.GetRequiredService<RecipeExecutor>();

    /// <summary>The Norfolk recipe with a media step added at the end.</summary>
    private static string RecipeWith(JsonObject mediaStep)
    {
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "recipes", "norfolk.recipe.json")))!.AsObject();
        recipe["steps"]!.AsArray().Add(mediaStep);
        return recipe.ToJsonString();
    }

    private static JsonObject PatternStep(string file = "media/learninghub-pattern.png") => new()
    {
        ["step"] = "media",
        ["keepOriginals"] = false,
        ["images"] = new JsonArray(new JsonObject { ["file"] = file, ["decorative"] = true }),
    };

    [Fact]
    public async Task A_recipe_brings_its_images_once()
    {
        var json = RecipeWith(PatternStep());

        await Executor.ApplyAsync("norfolk-media.recipe.json", json);
        var second = await Executor.ApplyAsync("norfolk-media.recipe.json", json);

        Assert.False(second.Changed);
        var asset = await factory.WithBoardAsync("norfolk", db => db.Set<MediaAsset>().SingleAsync(a => a.OriginalName == "learninghub-pattern.png"));
        Assert.True(asset.Decorative);
        Assert.Equal((1280, 640), (asset.Width, asset.Height));
        Assert.Equal("Recipe", asset.CreatedByName);
        Assert.True(File.Exists(Path.Combine(factory.MediaFolder("norfolk"), $"{asset.ContentHash}-1280.webp")));
    }

    [Theory]
    [InlineData("media/no-such-image.png", "images[0].file", "'media/no-such-image.png' was not found in the recipes folder.")]
    [InlineData("../norfolk.recipe.json", "images[0].file", "must be a path inside the recipes folder.")]
    [InlineData("norfolk.recipe.json", "images[0].file", "'norfolk.recipe.json' was refused: The selected file must be a JPG, PNG, WebP or GIF image.")]
    public async Task A_bad_image_is_refused_naming_the_step_and_field(string file, string field, string problem)
    {
        var step = PatternStep(file);
        var error = await Assert.ThrowsAsync<RecipeException>(() => Executor.ApplyAsync("bad-media.recipe.json", RecipeWith(step)));

        Assert.Equal(field, error.Field);
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public async Task Alt_text_is_required_unless_the_recipe_says_decorative()
    {
        var step = new JsonObject { ["step"] = "media", ["images"] = new JsonArray(new JsonObject { ["file"] = "media/learninghub-pattern.png" }) };

        var error = await Assert.ThrowsAsync<RecipeException>(() => Executor.ApplyAsync("no-alt.recipe.json", RecipeWith(step)));

        Assert.Equal("images[0].alt", error.Field);
    }
}
