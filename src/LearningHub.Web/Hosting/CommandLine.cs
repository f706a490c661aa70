using LearningHub.Core.Data;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Web.Hosting;

/// <summary>
/// Command-line verbs: <c>dotnet run --project src/LearningHub.Web -- recipes list|apply &lt;file&gt;</c> and
/// <c>backup &lt;file&gt;</c>.
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => RecipeCommands.Handles(args) || BackupCommand.Handles(args);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        // A backup copies the database as it is: it must not migrate it (the running site owns that).
        if (BackupCommand.Handles(args))
        {
            return await BackupCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LearningHubDbContext>().Database.MigrateAsync();
        }

        return await RecipeCommands.RunAsync(app.Services, args, Console.Out, Console.Error);
    }
}
