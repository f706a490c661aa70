using System.Globalization;
using System.Text.RegularExpressions;
using LearningHub.Core.Recipes;
using LearningHub.Media.Domain;
using LearningHub.Media.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Media.Recipes;

/// <summary>
/// <c>{ "step": "resources", "items": [ { "key": "case-r-slides", "title": "...", "description": "...", "date": "2017-01-01",
/// "themes": ["professional-curiosity"], "file": "resources/case-r.pdf", "module": "case-r" } ] }</c>: the board's
/// resources library. <c>file</c> (optional, relative to the recipes folder) is checked like an upload (a PDF, .docx or
/// .pptx by its bytes, within the size limit); without one the resource describes a document and <c>module</c> links to
/// the case learning module that teaches it. <c>date</c> is optional: a described document whose date is not known
/// has none rather than an invented one.
/// <para>
/// Matched by <c>key</c>, so applying again changes nothing. A resource the board has changed on its pages since the
/// recipe set it is left alone unless the step says <c>"overwriteEdits": true</c> (<see cref="RecipeEdits"/>).
/// Every item is checked before anything is stored.
/// </para>
/// </summary>
public sealed partial class ResourcesStep : IRecipeStepHandler
{
    public string StepName => "resources";

    private sealed record Item(RecipeElement Element, string Key, ResourceDetails Details, CheckedDocument? Document);

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var library = context.Services.GetRequiredService<ResourceLibrary>();
        var themes = await context.Db.LearningThemes.AsNoTracking().ToDictionaryAsync(t => t.Key, t => t.Id, cancellationToken);
        var folder = context.RecipesFolder;

        var items = new List<Item>();
        foreach (var element in step.Objects("items", required: true))
        {
            items.Add(await ReadAsync(element, themes, folder, library, items, cancellationToken));
        }

        var resources = context.Db.Set<Resource>();
        foreach (var item in items)
        {
            var resource = await resources.Include(r => r.Themes).SingleOrDefaultAsync(r => r.RecipeKey == item.Key, cancellationToken);
            if (resource is null)
            {
                await library.CreateAsync(item.Details, item.Document, new MediaActor("recipe", "Recipe"), item.Key, cancellationToken);
                continue;
            }

            if (!RecipeEdits.MayWrite(resource, step))
            {
                continue;
            }

            // Equal values leave the row unchanged, so a second run writes nothing.
            library.Apply(resource, item.Details);
            if (item.Document is not null && item.Document.Hash != resource.ContentHash)
            {
                await library.SaveWithFileAsync(resource, item.Document, cancellationToken);
            }

            RecipeEdits.Written(resource);
        }
    }

    private static async Task<Item> ReadAsync(RecipeElement element, IReadOnlyDictionary<string, Guid> themes, string folder, ResourceLibrary library,
        IReadOnlyList<Item> earlier, CancellationToken cancellationToken)
    {
        var key = element.Key(example: "case-r-slides");
        if (earlier.Any(i => i.Key == key))
        {
            throw element.Fail("key", $"'{key}' appears more than once in this step.");
        }

        var title = element.String("title", 200);
        var description = element.String("description", 2000);
        DateOnly? date = null;
        if (element.OptionalString("date", 10) is { } text)
        {
            date = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw element.Fail("date", $"'{text}' must be a date written yyyy-mm-dd, like 2017-07-01.");
        }

        var themeIds = new List<Guid>();
        foreach (var themeKey in element.Strings("themes"))
        {
            themeIds.Add(themes.TryGetValue(themeKey, out var id)
                ? id
                : throw element.Fail("themes", $"'{themeKey}' is not one of the board's themes: {string.Join(", ", themes.Keys.Order())}."));
        }

        string? linkPath = null;
        if (element.OptionalString("module", 100) is { } module)
        {
            linkPath = SlugPattern().IsMatch(module) ? $"/modules/{module}" : throw element.Fail("module", $"'{module}' must be a module's address, like 'case-r'.");
        }

        CheckedDocument? document = null;
        if (element.OptionalString("file", 260) is { } relative)
        {
            var path = Path.GetFullPath(Path.Combine(folder, relative));
            if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw element.Fail("file", "must be a path inside the recipes folder.");
            }

            if (!File.Exists(path))
            {
                throw element.Fail("file", $"'{relative}' was not found in the recipes folder.");
            }

            var (checkedDocument, error) = library.Check(new UploadedFile(Path.GetFileName(path), await File.ReadAllBytesAsync(path, cancellationToken)));
            document = checkedDocument ?? throw element.Fail("file", $"'{relative}' was refused: {error}.");
        }

        return new Item(element, key, new ResourceDetails(title, description, date, themeIds, linkPath), document);
    }


    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
