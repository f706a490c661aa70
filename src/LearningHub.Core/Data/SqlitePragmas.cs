using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace LearningHub.Core.Data;

/// <summary>
/// Sets each SQLite connection up for a web app: write-ahead logging, so pages keep reading while the
/// mail dispatcher or a booking writes, and <c>synchronous=NORMAL</c>, which in WAL mode still survives
/// the app being killed (only a power cut can lose the last commits) but makes a commit about three
/// times cheaper (bench/README.md: 7.6 ms to 2.2 ms for one outbox row). The journal mode is stored in
/// the database file, so the host sets it once before migrating; synchronous belongs to the native
/// connection, so it is set the first time each one is opened. Microsoft.Data.Sqlite pools native
/// connections and hands the same one out again, so a pooled open runs no statement here.
/// <para>
/// <c>busy_timeout</c>, also per connection: a write that finds another in progress (a booking's commit while
/// the dispatcher marks a mail sent) waits inside SQLite, which retries within a few milliseconds of the lock
/// being free. Without it Microsoft.Data.Sqlite answers each SQLITE_BUSY by sleeping 150 ms and trying again
/// (SqliteDataReader, "TODO: Consider having an async path"), so a 5 ms lock cost 150 ms; under the event's
/// booking lock that held every booking in flight, the warm booking rounds' stalls (bench/README.md, "Session 17").
/// The wait is as long as Microsoft.Data.Sqlite's own default command timeout, so nothing gives up sooner than before.
/// </para>
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    /// <summary>The native connections already set up; an entry goes when its connection is collected.</summary>
    private readonly ConditionalWeakTable<sqlite3, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstOpen(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, this);
}
