using System.Text.Json.Nodes;
using LearningHub.Core.Recipes;
using LearningHub.Media.Domain;
using LearningHub.Media.Services;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LearningHub.IntegrationTests.Media;

/// <summary>The <c>media</c> recipe step, applied from a test recipe, and its images' renditions made ahead at start.</summary>
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

    [Fact]
    public async Task Renditions_made_ahead_twice_are_made_once_and_taken_by_the_two_uploads_that_follow()
    {
        // Two boards' recipes with the same picture: asked for twice, made once, taken by each board's upload.
        var processor = factory.Services.GetRequiredService<ImageProcessor>();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "recipes", "media", "learninghub-pattern.png"));
        int[] widths = [320, 640];

        var ahead = await processor.MakeAheadAsync(bytes, widths, CancellationToken.None);
        var aheadAgain = await processor.MakeAheadAsync(bytes, widths, CancellationToken.None);
        var taken = await processor.MakeRenditionsAsync(bytes, widths, CancellationToken.None);
        var takenAgain = await processor.MakeRenditionsAsync(bytes, widths, CancellationToken.None);
        var madeNow = await processor.MakeRenditionsAsync(bytes, widths, CancellationToken.None);

        Assert.NotNull(ahead);
        Assert.Same(ahead, aheadAgain);
        Assert.Same(ahead, taken);
        Assert.Same(ahead, takenAgain);
        Assert.NotSame(ahead, madeNow);
        Assert.False(processor.IsMadeAhead(bytes, widths));
        Assert.Equal(madeNow.Select(r => (r.Width, r.ActualWidth, r.ActualHeight)), ahead.Select(r => (r.Width, r.ActualWidth, r.ActualHeight)));
    }

    [Fact]
    public async Task Work_ahead_for_a_recipe_makes_the_renditions_its_media_step_will_upload()
    {
        // The Norfolk recipe's own media step, as the start applies it to a new database.
        var recipes = Path.Combine(AppContext.BaseDirectory, "recipes");
        var path = Path.Combine(recipes, "norfolk.recipe.json");
        var images = JsonNode.Parse(await File.ReadAllTextAsync(path))!["steps"]!.AsArray()
            .Single(s => (string?)s!["step"] == "media")!["images"]!.AsArray()
            .Select(i => Path.Combine(recipes, (string)i!["file"]!)).ToList();
        var processor = factory.Services.GetRequiredService<ImageProcessor>();
        var widthsOffered = factory.Services.GetRequiredService<IOptions<MediaOptions>>().Value.SortedWidths;

        await Executor.PrepareAheadAsync([path], CancellationToken.None);

        Assert.NotEmpty(images);
        foreach (var image in images)
        {
            var bytes = await File.ReadAllBytesAsync(image);
            var header = processor.ReadHeader(bytes);
            var widths = MediaImage.Plan(header.UprightWidth, header.UprightHeight, widthsOffered).Select(r => r.Width).ToList();
            Assert.True(processor.IsMadeAhead(bytes, widths), $"{image} was not made ahead");
        }
    }
}
