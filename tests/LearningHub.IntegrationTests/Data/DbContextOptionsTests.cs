using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Data;

/// <summary>
/// The DbContext's options are built once for the app and its instances are rented from a pool, not set up
/// per request; a context rented again by another scope is filtered to that scope's board. SQLite connections run
/// with synchronous=NORMAL and wait for a busy database inside SQLite, and a save scans the tracked rows for changes once.
/// </summary>
public sealed class DbContextOptionsTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task Every_request_scope_shares_one_set_of_options_and_a_pooled_context_and_keeps_its_own_board()
    {
        // Twenty scopes one after another, Norfolk and Essex in turn: each sees only its own board, and the
        // contexts are reused (the pool hands back the ones returned; background work may hold a few, so the
        // test asks only for reuse, not for one instance).
        var seen = new List<(string Board, DbContextOptions Options, LearningHubDbContext Context, List<Guid> Boards)>();
        for (var i = 0; i < 20; i++)
        {
            var board = i % 2 == 0 ? "norfolk" : "essex";
            var (options, context, boards) = await factory.WithBoardServicesAsync(board, OptionsAndBoardsSeenAsync);
            seen.Add((board, options, context, boards));
        }

        Assert.Single(seen.Select(s => s.Options).Distinct());
        Assert.True(seen.Select(s => s.Context).Distinct().Count() < seen.Count, "every scope set up a context of its own");
        foreach (var group in seen.GroupBy(s => s.Board))
        {
            Assert.Single(group.SelectMany(s => s.Boards).Distinct());
        }

        Assert.NotEqual(seen[0].Boards, seen[1].Boards);
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Development", true)]
    public void Only_development_compares_the_model_with_the_migrations_at_every_start(string environmentName, bool compares)
    {
        // Elsewhere PendingModelChangesTests make the comparison before a build ships; at start it costs a third of a second.
        var environment = new HostingEnvironment { EnvironmentName = environmentName, ContentRootPath = factory.DataPath };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LearningHub:DataPath"] = factory.DataPath })
            .Build();
        var settings = DatabaseSettings.From(configuration, environment);
        var options = new DbContextOptionsBuilder<LearningHubDbContext>();
        settings.Configure(options);

        var behaviour = options.Options.FindExtension<CoreOptionsExtension>()!.WarningsConfiguration
            .GetBehavior(RelationalEventId.PendingModelChangesWarning);
        Assert.Equal(compares, settings.CheckModelAtMigrate);
        Assert.Equal(compares, behaviour != WarningBehavior.Ignore);
    }

    [Theory]
    [InlineData("Host=db;Database=learninghub", false, 50)]
    [InlineData("Host=db;Database=learninghub", true, 0)]
    [InlineData("Host=db;Database=learninghub;Max Auto Prepare=0", false, 0)]
    [InlineData("Host=db;Database=learninghub;max auto prepare=10", false, 10)]
    [InlineData("Host=db;Database=learninghub;MaxAutoPrepare=0", false, 0)]
    [InlineData("Host=db;Database=learninghub;Max Auto Prepare=20", true, 20)]
    public void PostgreSQL_connections_prepare_what_they_run_often_unless_the_connection_string_says_or_a_pooler_is_in_the_way(
        string given, bool behindTransactionPooler, int expected)
    {
        // The connection string wins in any spelling Npgsql reads (PgBouncer 1.21 or later may be told to carry them).
        var used = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSettings.WithAutoPrepare(given, _ => behindTransactionPooler));

        Assert.Equal(expected, used.MaxAutoPrepare);
        Assert.Equal(("db", "learninghub"), (used.Host, used.Database));
    }

    [Fact]
    public async Task Every_sqlite_connection_a_unit_of_work_opens_runs_with_synchronous_normal_and_waits_inside_sqlite_when_busy()
    {
        var settings = await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            var seen = new List<(long Synchronous, long BusyTimeout)>();
            // Each query opens and closes the connection (from Microsoft.Data.Sqlite's pool); the settings are made on
            // a native connection's first open and stay with it.
            for (var i = 0; i < 3; i++)
            {
                await db.Set<Agency>().CountAsync();
                seen.Add((await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync(),
                    await db.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync()));
            }

            return seen;
        });

        // NORMAL is 1 (FULL, SQLite's default, is 2). A busy timeout of 0 (SQLite's default) leaves a write that finds
        // another in progress to Microsoft.Data.Sqlite, which sleeps 150 ms before each retry.
        Assert.All(settings, s => Assert.Equal((1, 30_000), s));
    }

    [Fact]
    public async Task A_save_scans_the_tracked_rows_for_changes_once_and_still_saves_what_changed_on_them()
    {
        var (name, scans, autoDetectAfter) = await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            var agency = await db.Set<Agency>().OrderBy(a => a.Name).FirstAsync();
            // Changed on the object, not through its entry: only the scan at the start of the save can find it.
            agency.Name += " (renamed)";
            var scanned = 0;
            db.ChangeTracker.DetectedAllChanges += (_, _) => scanned++;
            await db.SaveChangesAsync();
            return (agency.Name, scanned, db.ChangeTracker.AutoDetectChangesEnabled);
        });

        Assert.Equal(1, scans);

        var saved = await factory.WithBoardServicesAsync("norfolk", services =>
            services.GetRequiredService<LearningHubDbContext>().Set<Agency>().AnyAsync(a => a.Name == name));
        Assert.True(saved);
        Assert.True(autoDetectAfter, "the save left automatic change detection off");
    }

    private static async Task<(DbContextOptions Options, LearningHubDbContext Context, List<Guid> Boards)> OptionsAndBoardsSeenAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<LearningHubDbContext>();
        var boards = await db.Set<Agency>().Select(a => a.BoardId).Distinct().ToListAsync();
        return (services.GetRequiredService<DbContextOptions<LearningHubDbContext>>(), db, boards);
    }
}
