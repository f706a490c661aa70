using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Core.Recipes;

/// <summary>
/// Handles one step name of a recipe. Modules register theirs with <c>AddRecipeStep&lt;T&gt;()</c>.
/// A handler must be idempotent: it matches items by stable keys and changes nothing that is already so.
/// </summary>
public interface IRecipeStepHandler
{
    string StepName { get; }

    /// <summary>False only for the step that creates or selects the board.</summary>
    bool RequiresBoard => true;

    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Optional: work that needs only the step's input and files, never the database or the board, done ahead of the
    /// step (the media step makes its images' renditions). At start the recipes module calls it for every step of the
    /// recipes it is about to apply, on another thread, while it applies them in order, so the work is done on the
    /// spare core by the time the step runs. The step still runs in full and checks everything: bad input is left to
    /// <see cref="ExecuteAsync"/> to report (an exception here only ends the recipe's work ahead).
    /// </summary>
    Task PrepareAheadAsync(RecipeElement step, string recipesFolder, IServiceProvider services, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}

/// <summary>What a step handler works with: its input, the database and the board being set up.</summary>
public sealed class RecipeStepContext(RecipeElement step, LearningHubDbContext db, BoardContext boards, IServiceProvider services)
{
    public RecipeElement Step => step;

    public LearningHubDbContext Db => db;

    public BoardContext Boards => boards;

    public IServiceProvider Services => services;

    /// <summary>True once a save of this context found something to write.</summary>
    public bool Changed { get; private set; }

    /// <summary>
    /// Saves what the step has done so far (inside the recipe's transaction) and stops tracking it. A recipe runs in one
    /// unit of work, and every save scans each entity still tracked for changes: the cases step saves once per form it
    /// defines, and before this each of those saves scanned every row the recipe had written (a third of that step's
    /// time at start). Entities the step still holds are no longer tracked afterwards: load them again to change them.
    /// </summary>
    public async Task SaveAndForgetAsync(CancellationToken cancellationToken)
    {
        Changed |= db.ChangeTracker.HasChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The folder a step's files (<c>"file": "media/…"</c>) are relative to: <c>LearningHub:RecipesPath</c>, or
    /// <c>recipes</c> beside the app's binaries, where the build copies it. No trailing separator.
    /// </summary>
    public string RecipesFolder => RecipesFolderOf(services);

    /// <inheritdoc cref="RecipesFolder"/>
    public static string RecipesFolderOf(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>()[$"{LearningHubOptions.Section}:RecipesPath"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(AppContext.BaseDirectory, "recipes") : configured)
            .TrimEnd(Path.DirectorySeparatorChar);
    }
}

public static class RecipeStepRegistration
{
    /// <summary>How any module contributes a recipe step; the recipes module runs them.</summary>
    public static IServiceCollection AddRecipeStep<THandler>(this IServiceCollection services)
        where THandler : class, IRecipeStepHandler
    {
        services.AddScoped<IRecipeStepHandler, THandler>();
        return services;
    }
}
