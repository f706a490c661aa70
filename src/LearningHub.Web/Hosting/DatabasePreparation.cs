using LearningHub.Core;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Hosting;
using LearningHub.Core.Pages;
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
    /// <see cref="PrepareDatabaseAsync"/> on another thread, telling <see cref="SiteReadiness"/> when it is done. If it
    /// fails the host is stopped, and the returned task carries the failure.
    /// </summary>
    public static Task PrepareDatabaseInBackground(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<SiteReadiness>();
        return Task.Run(async () =>
        {
            var timer = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                await app.PrepareDatabaseAsync();
                // Each warm-up registers itself as the host starts (its hosted service, its server): only once the host
                // has started are they all known. On a restart the preparation can finish before that.
                await HostStartedAsync(app.Lifetime);
                await readiness.WarmUpFinishedAsync(TimeSpan.FromSeconds(10));

                // Whatever the warm-up request cached about the boards while the later recipes were still being applied
                // (the board list, the signed-out pages) is forgotten before anyone is let in.
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    scope.ServiceProvider.GetRequiredService<BoardDirectory>().Invalidate();
                }

                app.Services.GetRequiredService<PublicPageCache>().ChangedEverywhere();
            }
            catch (Exception problem)
            {
                app.Logger.LogCritical(problem, "The database could not be prepared; the site stops");
                readiness.MarkFailed(problem);
                app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
                throw;
            }

            readiness.MarkReady();
            app.Logger.LogInformation("Site ready: database prepared in {Milliseconds} ms", timer.ElapsedMilliseconds);
        });
    }

    /// <summary>Completes once the host has started (every hosted service's start has run), or is stopping.</summary>
    private static Task HostStartedAsync(IHostApplicationLifetime lifetime)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        lifetime.ApplicationStopping.Register(() => started.TrySetResult());
        return started.Task;
    }

    /// <summary>Runs the host until it stops; if preparing the database failed (which stops it), ends with that failure.</summary>
    public static async Task RunAsync(this WebApplication app, Task preparingDatabase)
    {
        try
        {
            await app.RunAsync();
        }
        catch (OperationCanceledException) when (preparingDatabase.IsFaulted)
        {
            // Stopped before it had started, by the failure rethrown below.
        }

        await preparingDatabase;
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
