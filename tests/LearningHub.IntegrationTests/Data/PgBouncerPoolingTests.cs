using LearningHub.IntegrationTests.Infrastructure;
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

    private static async Task<int> BackendAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection, transaction);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
