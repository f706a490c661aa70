using LearningHub.Core.Recipes;
using LearningHub.Media.Domain;
using LearningHub.Media.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Media.Recipes;

/// <summary>
/// How other recipe steps refer to an image the media step brought: <c>"cover": "media:pattern-rings"</c>.
/// Load once per step (<see cref="LoadAsync"/>), then <see cref="Read"/> each item's field. Put the media step
/// before the steps that refer to its images.
/// </summary>
public sealed class MediaRecipeKeys
{
    public const string Prefix = "media:";

    private readonly IReadOnlyDictionary<string, Guid> _ids;
    private readonly bool _imagesLeftOut;

    private MediaRecipeKeys(IReadOnlyDictionary<string, Guid> ids, bool imagesLeftOut)
    {
        _ids = ids;
        _imagesLeftOut = imagesLeftOut;
    }

    /// <summary>The current board's images that have a recipe key.</summary>
    public static async Task<MediaRecipeKeys> LoadAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var ids = await context.Db.Set<MediaAsset>().AsNoTracking().Where(a => a.RecipeKey != null)
            .ToDictionaryAsync(a => a.RecipeKey!, a => a.Id, StringComparer.Ordinal, cancellationToken);
        return new MediaRecipeKeys(ids, !context.Services.GetRequiredService<MediaLibrary>().CanProcessImages);
    }

    /// <summary>
    /// The image the field names, or null when the field is absent (the caller then leaves what is there).
    /// An unknown key fails the recipe, naming the field, unless the server has no libvips: the media step
    /// then left its images out, and the reference is left empty too.
    /// </summary>
    public Guid? Read(RecipeElement item, string field)
    {
        var text = item.OptionalString(field, 110);
        if (text is null)
        {
            return null;
        }

        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length == Prefix.Length)
        {
            throw item.Fail(field, $"'{text}' must name an image of the media step as \"media:<key>\", like \"media:pattern-rings\".");
        }

        var key = text[Prefix.Length..];
        if (_ids.TryGetValue(key, out var id))
        {
            return id;
        }

        return _imagesLeftOut
            ? null
            : throw item.Fail(field, $"'{text}' is not an image of this board's library: bring it with a media step (\"key\": \"{key}\") before this step.");
    }
}
