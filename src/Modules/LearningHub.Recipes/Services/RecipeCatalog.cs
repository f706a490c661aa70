using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningHub.Recipes.Services;

public sealed record RecipeInfo(string Path, string FileName, string Name, string? Description, string? BoardSlug);

/// <summary>The recipes in the recipes folder, and applying those whose board does not exist yet.</summary>
public sealed class RecipeCatalog(
    IOptions<RecipesOptions> options,
    RecipeExecutor executor,
    LearningHubDbContext db,
    SiteReadiness readiness,
    ILogger<RecipeCatalog> logger)
{
    public string Folder => options.Value.Path;

    public IReadOnlyList<RecipeInfo> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var recipes = new List<RecipeInfo>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.recipe.json").Order(StringComparer.Ordinal))
        {
            var fileName = System.IO.Path.GetFileName(path);
            using var document = RecipeDocument.Parse(fileName, File.ReadAllText(path));
            recipes.Add(new RecipeInfo(path, fileName, document.Name, document.Description, document.BoardSlug()));
        }

        return recipes;
    }

    /// <summary>The embedded default: on start, every recipe whose board is missing is applied.</summary>
    public async Task ApplyMissingBoardsAsync(CancellationToken cancellationToken = default)
    {
        var existing = await db.Boards.AsNoTracking().OrderBy(b => b.Slug).Select(b => b.Slug).ToListAsync(cancellationToken);
        var missing = List().Where(r => r.BoardSlug is not null && !existing.Contains(r.BoardSlug)).ToList();
        if (missing.Count > 0)
        {
            readiness.SetUpBoards();
        }

        if (existing.Count > 0)
        {
            readiness.BoardAvailable(existing[0]);
        }

        if (missing.Count == 0)
        {
            return;
        }

        // The steps' work that needs no database (the images' renditions: a sixth of a first start) is done on the
        // other core while the recipes are applied one by one on this one (bench/README.md, "Session 17").
        using var stopAhead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ahead = Task.Run(() => executor.PrepareAheadAsync(missing.Select(r => r.Path).ToList(), stopAhead.Token), CancellationToken.None);
        try
        {
            foreach (var recipe in missing)
            {
                logger.LogInformation("Board {Board} does not exist: applying {Recipe}", recipe.BoardSlug, recipe.FileName);
                await executor.ApplyFileAsync(recipe.Path, cancellationToken);
                // Committed: the pages can be warmed on this board while the next recipe is applied.
                readiness.BoardAvailable(recipe.BoardSlug!);
            }
        }
        finally
        {
            await stopAhead.CancelAsync();
            await ahead.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }
}

public sealed class RecipesOptions
{
    /// <summary>Folder holding <c>*.recipe.json</c>; defaults to <c>recipes</c> beside the app (the build copies them there).</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "recipes");
}
