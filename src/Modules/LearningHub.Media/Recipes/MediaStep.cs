using LearningHub.Core;
using LearningHub.Core.Recipes;
using LearningHub.Media.Domain;
using LearningHub.Media.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Media.Recipes;

/// <summary>
/// <c>{ "step": "media", "keepOriginals": false, "images": [ { "file": "media/pattern.png", "alt": "...", "decorative": false } ] }</c>:
/// brings images into the board's library. <c>file</c> is relative to the recipes folder
/// (<c>LearningHub:RecipesPath</c>, or <c>recipes/</c> beside the app). An image already in the library
/// (same bytes) is left as it is, so applying the recipe twice changes nothing. Images in recipes must
/// be ones the board may publish: made by the project (generated patterns, drawn diagrams), never
/// downloaded pictures.
/// </summary>
public sealed class MediaStep : IRecipeStepHandler
{
    public string StepName => "media";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var library = context.Services.GetRequiredService<MediaLibrary>();
        if (step.Has("keepOriginals"))
        {
            if (step.Json.GetProperty("keepOriginals").ValueKind is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            {
                throw step.Fail("keepOriginals", "must be true or false.");
            }

            var keep = step.Json.GetProperty("keepOriginals").GetBoolean();
            if (await library.KeepsOriginalsAsync(cancellationToken) != keep)
            {
                await library.SetKeepOriginalsAsync(keep, cancellationToken);
            }
        }

        var folder = RecipesFolder(context.Services.GetRequiredService<IConfiguration>());
        foreach (var item in step.Objects("images"))
        {
            var relative = item.String("file", 260);
            var path = Path.GetFullPath(Path.Combine(folder, relative));
            if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw item.Fail("file", "must be a path inside the recipes folder.");
            }

            if (!File.Exists(path))
            {
                throw item.Fail("file", $"'{relative}' was not found in the recipes folder.");
            }

            var decorative = item.Has("decorative") && item.Json.GetProperty("decorative").ValueKind == System.Text.Json.JsonValueKind.True;
            var alt = item.OptionalString("alt", 1000);
            if (!decorative && alt is null)
            {
                throw item.Fail("alt", "is required unless the image is decorative (\"decorative\": true).");
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            if (await context.Db.Set<MediaAsset>().AnyAsync(a => a.ContentHash == hash, cancellationToken))
            {
                continue;
            }

            var result = await library.UploadAsync(new UploadedFile(Path.GetFileName(path), bytes), alt, decorative,
                new MediaActor("recipe", "Recipe"), cancellationToken);
            if (!result.Succeeded)
            {
                throw item.Fail("file", $"'{relative}' was refused: {result.Error}.");
            }
        }
    }

    private static string RecipesFolder(IConfiguration configuration)
    {
        var configured = configuration[$"{LearningHubOptions.Section}:RecipesPath"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(AppContext.BaseDirectory, "recipes") : configured)
            .TrimEnd(Path.DirectorySeparatorChar);
    }
}
