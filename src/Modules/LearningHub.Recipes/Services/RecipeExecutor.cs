using LearningHub.Core.Recipes;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Security;
using LearningHub.Core.Taxonomies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LearningHub.Recipes.Services;

/// <summary>The outcome of applying a recipe.</summary>
public sealed record RecipeResult(string RecipeName, string? BoardSlug, int StepsApplied, bool Changed);

/// <summary>
/// Applies a recipe in one database transaction: every step lands or none does. The whole file is
/// checked (JSON, known step names) before anything is written.
/// </summary>
public sealed class RecipeExecutor(IServiceScopeFactory scopes, ILogger<RecipeExecutor> logger)
{
    public async Task<RecipeResult> ApplyFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new RecipeException(fileName, null, null, $"file not found at {path}.");
        }

        return await ApplyAsync(fileName, await File.ReadAllTextAsync(path, cancellationToken), cancellationToken);
    }

    public async Task<RecipeResult> ApplyAsync(string fileName, string json, CancellationToken cancellationToken = default)
    {
        using var document = RecipeDocument.Parse(fileName, json);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var handlers = services.GetServices<IRecipeStepHandler>().ToDictionary(h => h.StepName, StringComparer.Ordinal);
        var steps = document.Steps(handlers.Keys);

        var db = services.GetRequiredService<LearningHubDbContext>();
        var boards = services.GetRequiredService<BoardContext>();
        var strategy = db.Database.CreateExecutionStrategy();

        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            boards.Clear();
            var changed = false;
            // Each step's milliseconds go in the log line, so a slow start names the step that made it slow.
            var timings = new List<string>(steps.Count);
            var clock = Stopwatch.StartNew();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                foreach (var (step, index) in steps.Select((s, i) => (s, i)))
                {
                    var handler = handlers[step.Name];
                    if (handler.RequiresBoard && boards.Current is null)
                    {
                        throw new RecipeException(fileName, index, "step", $"the '{step.Name}' step needs a board: put a 'board' step before it.");
                    }

                    var stepStarted = clock.ElapsedMilliseconds;
                    var context = new RecipeStepContext(step.Element, db, boards, services);
                    await handler.ExecuteAsync(context, cancellationToken);
                    // Forgotten once saved, so the next steps' saves do not scan this step's rows again.
                    await context.SaveAndForgetAsync(cancellationToken);
                    changed |= context.Changed;
                    timings.Add($"{step.Name} {clock.ElapsedMilliseconds - stepStarted}");
                }

                changed |= await RecordRunAsync(db, boards.BoardId, document, fileName, json, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                throw;
            }
            finally
            {
                ForgetCachedBoardData(services, boards.BoardId);
            }

            logger.LogInformation("Applied recipe {Recipe} from {File} ({Steps} steps, changed: {Changed}) in {Milliseconds} ms ({StepMilliseconds})",
                document.Name, fileName, steps.Count, changed, clock.ElapsedMilliseconds, string.Join(", ", timings));
            return new RecipeResult(document.Name, boards.Current?.Slug, steps.Count, changed);
        });
    }

    /// <summary>
    /// Does the steps' work ahead (<see cref="IRecipeStepHandler.PrepareAheadAsync"/>) for recipes about to be applied,
    /// one step after another, in the recipes' order. A file that cannot be read or parsed is skipped: applying it
    /// reports the problem. Never throws but for cancellation.
    /// </summary>
    public async Task PrepareAheadAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var handlers = services.GetServices<IRecipeStepHandler>().ToDictionary(h => h.StepName, StringComparer.Ordinal);
        var folder = RecipeStepContext.RecipesFolderOf(services);
        foreach (var path in paths)
        {
            try
            {
                using var document = RecipeDocument.Parse(Path.GetFileName(path), await File.ReadAllTextAsync(path, cancellationToken));
                foreach (var (name, element) in document.Steps(handlers.Keys))
                {
                    await handlers[name].PrepareAheadAsync(element, folder, services, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Only work ahead: the recipe's own run meets the same problem and reports it.
                logger.LogDebug(ex, "Work ahead for {Recipe} stopped", Path.GetFileName(path));
            }
        }
    }

    /// <summary>Records the run once per distinct content, so re-applying the same file changes nothing.</summary>
    private static async Task<bool> RecordRunAsync(LearningHubDbContext db, Guid? boardId, RecipeDocument document,
        string fileName, string json, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var last = await db.RecipeRuns.AsNoTracking()
            .Where(r => r.FileName == fileName && r.BoardId == boardId)
            .OrderByDescending(r => r.AppliedUtc)
            .Select(r => r.ContentHash)
            .FirstOrDefaultAsync(cancellationToken);
        if (last == hash)
        {
            return false;
        }

        db.RecipeRuns.Add(new RecipeRun
        {
            RecipeName = document.Name,
            FileName = fileName,
            ContentHash = hash,
            BoardId = boardId,
            AppliedUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static void ForgetCachedBoardData(IServiceProvider services, Guid? boardId)
    {
        services.GetRequiredService<BoardDirectory>().Invalidate();
        if (boardId is { } id)
        {
            var cache = services.GetRequiredService<IMemoryCache>();
            cache.Remove(BoardPermissions.CacheKey(id));
            BoardTerms.Invalidate(cache, id);
        }
    }
}

/// <summary>A parsed recipe file: its name, description and steps, checked before anything is applied.</summary>
public sealed class RecipeDocument : IDisposable
{
    private readonly JsonDocument _json;
    private readonly string _fileName;

    private RecipeDocument(string fileName, JsonDocument json, string name, string? description)
    {
        _fileName = fileName;
        _json = json;
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; }

    public static RecipeDocument Parse(string fileName, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new RecipeException(fileName, null, null,
                $"is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}): {FirstSentence(ex.Message)}");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new RecipeException(fileName, null, null, "must be a JSON object with 'name' and 'steps'.");
        }

        var root = new RecipeElement(document.RootElement, "", (field, problem) => new RecipeException(fileName, null, field, problem));
        try
        {
            return new RecipeDocument(fileName, document, root.String("name"), root.OptionalString("description"));
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>The steps, each checked to be an object naming a known step.</summary>
    public IReadOnlyList<(string Name, RecipeElement Element)> Steps(IEnumerable<string> knownSteps)
    {
        var known = knownSteps.ToHashSet(StringComparer.Ordinal);
        if (!_json.RootElement.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
        {
            throw new RecipeException(_fileName, null, "steps", "is required and must be a list of steps.");
        }

        var result = new List<(string, RecipeElement)>();
        var index = 0;
        foreach (var step in steps.EnumerateArray())
        {
            var stepIndex = index++;
            if (step.ValueKind != JsonValueKind.Object)
            {
                throw new RecipeException(_fileName, stepIndex, null, "must be an object with a 'step' name.");
            }

            var element = new RecipeElement(step, "", (field, problem) => new RecipeException(_fileName, stepIndex, field, problem));
            var name = element.String("step", 60);
            if (!known.Contains(name))
            {
                throw element.Fail("step", $"'{name}' is not a known step. Known steps: {string.Join(", ", known.Order())}.");
            }

            result.Add((name, element));
        }

        return result;
    }

    /// <summary>The slug of the board the recipe sets up (its first 'board' step), without applying it.</summary>
    public string? BoardSlug()
    {
        if (!_json.RootElement.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return steps.EnumerateArray()
            .Where(s => s.ValueKind == JsonValueKind.Object
                        && s.TryGetProperty("step", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() == "board"
                        && s.TryGetProperty("slug", out var slug) && slug.ValueKind == JsonValueKind.String)
            .Select(s => s.GetProperty("slug").GetString())
            .FirstOrDefault();
    }

    public void Dispose() => _json.Dispose();

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
