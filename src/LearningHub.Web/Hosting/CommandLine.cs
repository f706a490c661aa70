using LearningHub.Core.Data;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Web.Hosting;

/// <summary>Command-line verbs: <c>dotnet run --project src/LearningHub.Web -- recipes list|apply &lt;file&gt;</c>.</summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => RecipeCommands.Handles(args);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LearningHubDbContext>().Database.MigrateAsync();
        }

        return await RecipeCommands.RunAsync(app.Services, args, Console.Out, Console.Error);
    }
}
