using System.Text.RegularExpressions;
using LearningHub.Core.Recipes;
using LearningHub.Media.Domain;
using LearningHub.Media.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LearningHub.Media.Recipes;

/// <summary>
/// <c>{ "step": "media", "keepOriginals": false, "images": [ { "key": "pattern-rings", "file": "media/pattern.png", "alt": "...", "decorative": false } ] }</c>:
/// brings images into the board's library through the normal upload pipeline (checked by bytes and header,
/// metadata stripped, renditions made). <c>file</c> is relative to the recipes folder (<c>LearningHub:RecipesPath</c>,
/// or <c>recipes/</c> beside the app). <c>key</c> names the image for later steps, which refer to it as
/// <c>"cover": "media:pattern-rings"</c> (see <see cref="MediaRecipeKeys"/>).
/// <para>
/// Applying again changes nothing: a keyed image is matched by its key (a changed file replaces the picture,
/// keeping the image's id so covers follow; the alt text is the recipe's), an image without a key by its bytes.
/// Every entry is checked (file, alt text, image bytes and header) before any image is stored, so a bad entry
/// fails the recipe, naming it, without leaving files behind. Without libvips the images are left out (with a
/// warning) so a board can still be set up; references to them are then left empty.
/// </para>
/// Images in recipes must be ones the board may publish: made by the project (generated patterns, drawn
/// diagrams), never downloaded pictures.
/// </summary>
public sealed partial class MediaStep : IRecipeStepHandler
{
    public string StepName => "media";

    private sealed record Entry(RecipeElement Item, string Relative, string? Key, string? Alt, bool Decorative, UploadedFile File, string Hash);

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var library = context.Services.GetRequiredService<MediaLibrary>();
        var keepOriginals = step.OptionalBool("keepOriginals");
        var entries = await ReadAsync(step, context.RecipesFolder, library, cancellationToken);
        if (!library.CanProcessImages)
        {
            context.Services.GetRequiredService<ILogger<MediaStep>>().LogWarning(
                "The media step left out {Count} images: {Reason}", entries.Count, MediaMessages.Unavailable);
            return;
        }

        if (keepOriginals is { } keep && await library.KeepsOriginalsAsync(cancellationToken) != keep)
        {
            await library.SetKeepOriginalsAsync(keep, cancellationToken);
        }

        var assets = context.Db.Set<MediaAsset>();
        foreach (var entry in entries)
        {
            var byKey = entry.Key is null ? null : await assets.SingleOrDefaultAsync(a => a.RecipeKey == entry.Key, cancellationToken);
            var byHash = await assets.SingleOrDefaultAsync(a => a.ContentHash == entry.Hash, cancellationToken);
            if (entry.Key is null)
            {
                if (byHash is null)
                {
                    await UploadAsync(library, entry, cancellationToken);
                }

                continue;
            }

            var asset = byKey ?? byHash;
            if (byKey is not null && byHash is not null && byKey.Id != byHash.Id)
            {
                throw entry.Item.Fail("file", $"'{entry.Relative}' is already in the library as another image ('{byHash.OriginalName}').");
            }

            if (byKey is null && byHash?.RecipeKey is { } otherKey)
            {
                throw entry.Item.Fail("file", $"'{entry.Relative}' is the same picture as the image with key '{otherKey}'.");
            }

            if (asset is null)
            {
                asset = await UploadAsync(library, entry, cancellationToken);
            }
            else if (asset.ContentHash != entry.Hash)
            {
                var replaced = await library.ReplaceAsync(asset.Id, entry.File, cancellationToken);
                if (!replaced.Succeeded)
                {
                    throw entry.Item.Fail("file", $"'{entry.Relative}' was refused: {replaced.Error}.");
                }
            }

            // Set on the tracked row; the recipe saves it with the step. Equal values leave the row unchanged.
            asset.RecipeKey = entry.Key;
            asset.Decorative = entry.Decorative;
            asset.AltText = entry.Decorative ? null : entry.Alt;
        }
    }

    /// <summary>Makes the images' renditions ahead, so the upload in <see cref="ExecuteAsync"/> finds them made.</summary>
    public async Task PrepareAheadAsync(RecipeElement step, string recipesFolder, IServiceProvider services, CancellationToken cancellationToken)
    {
        var library = services.GetRequiredService<MediaLibrary>();
        if (!library.CanProcessImages)
        {
            return;
        }

        foreach (var item in step.Objects("images"))
        {
            // An entry that is wrong is left to ExecuteAsync, which names what to fix.
            if (item.OptionalString("file", 260) is { } relative && PathInside(recipesFolder, relative) is { } path && File.Exists(path))
            {
                await library.MakeRenditionsAheadAsync(new UploadedFile(Path.GetFileName(path), await File.ReadAllBytesAsync(path, cancellationToken)),
                    cancellationToken);
            }
        }
    }

    /// <summary>The file's full path, or null when it is not inside the recipes folder.</summary>
    private static string? PathInside(string folder, string relative)
    {
        var path = Path.GetFullPath(Path.Combine(folder, relative));
        return path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }

    private static async Task<MediaAsset> UploadAsync(MediaLibrary library, Entry entry, CancellationToken cancellationToken)
    {
        var result = await library.UploadAsync(entry.File, entry.Alt, entry.Decorative, new MediaActor("recipe", "Recipe"), cancellationToken);
        return result.Asset ?? throw entry.Item.Fail("file", $"'{entry.Relative}' was refused: {result.Error}.");
    }

    /// <summary>Reads and checks every entry before anything is stored.</summary>
    private static async Task<IReadOnlyList<Entry>> ReadAsync(RecipeElement step, string folder, MediaLibrary library, CancellationToken cancellationToken)
    {
        var entries = new List<Entry>();
        foreach (var item in step.Objects("images"))
        {
            var key = item.OptionalString("key", 100);
            if (key is not null && !KeyPattern().IsMatch(key))
            {
                throw item.Fail("key", $"'{key}' must be lower-case letters, digits and single hyphens, like 'pattern-blue'.");
            }

            if (key is not null && entries.Any(e => e.Key == key))
            {
                throw item.Fail("key", $"'{key}' appears more than once in this step.");
            }

            var relative = item.String("file", 260);
            var path = PathInside(folder, relative) ?? throw item.Fail("file", "must be a path inside the recipes folder.");
            if (!File.Exists(path))
            {
                throw item.Fail("file", $"'{relative}' was not found in the recipes folder.");
            }

            var decorative = item.OptionalBool("decorative") ?? false;
            var alt = item.OptionalString("alt", 1000);
            if (!decorative && alt is null)
            {
                throw item.Fail("alt", "is required unless the image is decorative (\"decorative\": true).");
            }

            var file = new UploadedFile(Path.GetFileName(path), await File.ReadAllBytesAsync(path, cancellationToken));
            if (library.CanProcessImages && library.Check(file) is { } problem)
            {
                throw item.Fail("file", $"'{relative}' was refused: {problem}.");
            }

            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.Bytes));
            if (entries.FirstOrDefault(e => e.Hash == hash) is { } same)
            {
                throw item.Fail("file", $"'{relative}' is the same picture as '{same.Relative}' earlier in this step.");
            }

            entries.Add(new Entry(item, relative, key, alt, decorative, file, hash));
        }

        return entries;
    }


    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();
}
