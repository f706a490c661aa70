using LearningHub.Core.Data;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LearningHub.IntegrationTests.Data;

/// <summary>
/// The PgBouncer the two-node tests go through (TwoInstanceBookingTests, PostgresOutboxTests,
/// TwoInstanceRetentionTests) really pools by transaction: two open client connections are served in turn
/// by one server process, which neither a direct connection nor session pooling would do. Without this,
/// those tests could pass through a pooler that changed nothing.
/// </summary>
public sealed class PgBouncerPoolingTests
{
    [PgBouncerFact]
    public async Task Two_open_client_connections_share_one_server_connection_between_transactions()
    {
        var database = $"lh_pgb_{Guid.NewGuid():N}"[..24];
        await TestPostgres.CreateAsync(database);
        try
        {
            // Npgsql's own pool off, so these are two separate client connections to PgBouncer.
            var connection = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionTo(database, route: DatabaseRoute.PgBouncer)) { Pooling = false }.ConnectionString;
            await using var first = new NpgsqlConnection(connection);
            await using var second = new NpgsqlConnection(connection);
            await first.OpenAsync();
            await second.OpenAsync();

            // Each statement outside a transaction gets the pool's one idle server connection and gives it back.
            Assert.Equal(await BackendAsync(first), await BackendAsync(second));

            // A transaction keeps its server connection until it ends, so meanwhile the other client gets another.
            await using var transaction = await first.BeginTransactionAsync();
            var held = await BackendAsync(first, transaction);
            Assert.NotEqual(held, await BackendAsync(second));
            Assert.Equal(held, await BackendAsync(first, transaction));
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }

    [PgBouncerFact]
    public async Task Through_PgBouncer_the_app_prepares_nothing_even_when_its_connection_string_does_not_say()
    {
        var database = $"lh_pgb_{Guid.NewGuid():N}"[..24];
        await TestPostgres.CreateAsync(database);
        try
        {
            // The string docs/pgbouncer.md recommends, less its Max Auto Prepare=0: the app must find the pooler itself.
            var throughPgBouncer = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionTo(database, route: DatabaseRoute.PgBouncer));
            throughPgBouncer.Remove("Max Auto Prepare");
            Assert.True(TransactionPooling.IsBehind(throughPgBouncer.ConnectionString));
            Assert.False(TransactionPooling.IsBehind(TestPostgres.ConnectionTo(database)));

            // Twenty units of work at once, each running one query ten times, through PgBouncer's pool of ten server
            // connections: with the statements prepared, they fail ("prepared statement "_auto0" already exists").
            await using var app = new PostgresFactory(throughPgBouncer.ConnectionString);
            var names = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.WithBoardAsync("norfolk", async db =>
            {
                var seen = new List<string>();
                for (var run = 0; run < 10; run++)
                {
                    seen = await db.Agencies.AsNoTracking().Where(a => a.Name != "").OrderBy(a => a.SortOrder).Select(a => a.Name).ToListAsync();
                }

                return seen;
            })));

            Assert.All(names, list => Assert.NotEmpty(list));
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }

    private static async Task<int> BackendAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection, transaction);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
