using LearningHub.Core.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Recipes.Services;

/// <summary>
/// <c>recipes list</c> and <c>recipes apply &lt;file&gt;</c> on the command line. Returns the process
/// exit code: 0 done, 1 the recipe was refused, 2 wrong usage.
/// </summary>
public static class RecipeCommands
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "recipes";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<RecipeCatalog>();
        switch (args)
        {
            case ["recipes", "list"]:
                output.WriteLine($"Recipes in {catalog.Folder}:");
                foreach (var recipe in catalog.List())
                {
                    output.WriteLine($"  {recipe.FileName,-28} board '{recipe.BoardSlug ?? "-"}'  {recipe.Name}");
                }

                return 0;

            case ["recipes", "apply", var file]:
                try
                {
                    var result = await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ApplyFileAsync(Path.GetFullPath(file));
                    output.WriteLine(result.Changed
                        ? $"Applied '{result.RecipeName}' to board '{result.BoardSlug}' ({result.StepsApplied} steps)."
                        : $"'{result.RecipeName}' was already applied to board '{result.BoardSlug}': nothing changed.");
                    return 0;
                }
                catch (RecipeException ex)
                {
                    error.WriteLine($"Recipe refused, nothing was applied. {ex.Message}");
                    return 1;
                }

            default:
                error.WriteLine("Usage: recipes list | recipes apply <file>");
                return 2;
        }
    }
}
