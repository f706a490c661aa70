using LearningHub.Core;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Recipes.Services;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningHub.Web.Hosting;

public static class DatabasePreparation
{
    /// <summary>The board roles are the same everywhere; accounts (and so role holders) are per board.</summary>
    private static async Task EnsureRolesAsync(LearningHubDbContext db)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync();
        foreach (var role in BoardRoles.All.Where(r => !existing.Contains(r)))
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Before serving: apply migrations, make sure the roles exist, apply the recipe of every board that
    /// does not exist yet, and (when configured) create the demo accounts.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var database = services.GetRequiredService<LearningHubDbContext>().Database;
            if (database.IsSqlite())
            {
                // Write-ahead logging (see SqlitePragmas): stored in the file, so set once here, not per connection.
                // Set before migrating (it makes a new database's file), so the first start's migrations commit to
                // the log too, rather than each making and deleting a rollback journal.
                await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            await database.MigrateAsync();

            await EnsureRolesAsync(services.GetRequiredService<LearningHubDbContext>());
            await services.GetRequiredService<RecipeCatalog>().ApplyMissingBoardsAsync();
        }

        if (app.Services.GetRequiredService<IOptions<LearningHubOptions>>().Value.SeedDemoUsers)
        {
            await using var listScope = app.Services.CreateAsyncScope();
            foreach (var board in await listScope.ServiceProvider.GetRequiredService<BoardDirectory>().ListAsync())
            {
                // One scope per board: the board context and the Identity stores belong to it.
                await using var boardScope = app.Services.CreateAsyncScope();
                await boardScope.ServiceProvider.GetRequiredService<DemoUsers>().EnsureAsync(board);
            }
        }
    }
}
