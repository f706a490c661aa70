using LearningHub.Core.Recipes;
using LearningHub.Recipes.Services;
using LearningHub.Recipes.Steps;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Recipes;

public static class RecipesModule
{
    public static IServiceCollection AddRecipesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RecipesOptions>(options =>
        {
            var path = configuration["LearningHub:RecipesPath"];
            if (!string.IsNullOrWhiteSpace(path))
            {
                options.Path = Path.GetFullPath(path);
            }
        });
        services.AddSingleton<RecipeExecutor>();
        services.AddScoped<RecipeCatalog>();
        services.AddRecipeStep<BoardStep>();
        services.AddRecipeStep<ThemeStep>();
        services.AddRecipeStep<TaxonomiesStep>();
        services.AddRecipeStep<RolesStep>();
        services.AddRecipeStep<IdentityProvidersStep>();
        return services;
    }

    /// <summary>Recipes have no pages yet; applying them is a command-line verb (<see cref="RecipeCommands"/>).</summary>
    public static IEndpointRouteBuilder MapRecipesModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
