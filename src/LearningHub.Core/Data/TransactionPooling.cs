using System.Collections.Concurrent;
using Npgsql;

namespace LearningHub.Core.Data;

/// <summary>
/// Whether a PostgreSQL connection string leads to a pooler in transaction mode (PgBouncer), asked once per connection
/// string at start. There, prepared statements break (PgBouncer before 1.21 lends each transaction whichever server
/// connection is free, which may hold another client's statements or none: through PgBouncer 1.18 with Npgsql
/// preparing, 1,468 of 1,575 exports failed with "prepared statement "_auto0" already exists"), so
/// <see cref="DatabaseSettings.WithAutoPrepare"/> leaves preparation off when the connection string does not say.
/// </summary>
/// <remarks>
/// Two connections open at once are two server processes when they reach PostgreSQL itself (or a pooler in session
/// mode, where prepared statements work); through transaction pooling each borrows the pooler's idle server connection
/// for one statement, and with nothing else in flight both get the same one (PgBouncerPoolingTests shows it). Asked three
/// times, so one pairing split by another node's traffic does not hide the pooler; a pooler busy through all three can
/// still pass for a server, which is why docs/pgbouncer.md has the connection string say <c>Max Auto Prepare=0</c>. A
/// probe that cannot connect answers yes: preparing nothing is slower, never wrong.
/// </remarks>
public static class TransactionPooling
{
    private static readonly ConcurrentDictionary<string, bool> Answers = new();

    public static bool IsBehind(string connectionString) => Answers.GetOrAdd(connectionString, Probe);

    private static bool Probe(string connectionString)
    {
        var probe = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, MaxAutoPrepare = 0, Timeout = 10 };
        try
        {
            return SharesServerProcesses(probe.ConnectionString);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The database is not made yet (the app's migrations make it on a first start): asked of the server's own.
            probe.Database = "postgres";
            try
            {
                return SharesServerProcesses(probe.ConnectionString);
            }
            catch (Exception again) when (CannotConnect(again))
            {
                return true;
            }
        }
        catch (Exception exception) when (CannotConnect(exception))
        {
            return true;
        }
    }

    private static bool CannotConnect(Exception exception) => exception is NpgsqlException or TimeoutException or InvalidOperationException;

    private static bool SharesServerProcesses(string probe)
    {
        using var first = new NpgsqlConnection(probe);
        using var second = new NpgsqlConnection(probe);
        first.Open();
        second.Open();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (ServerProcess(first) == ServerProcess(second))
            {
                return true;
            }
        }

        return false;
    }

    private static int ServerProcess(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        return (int)command.ExecuteScalar()!;
    }
}
