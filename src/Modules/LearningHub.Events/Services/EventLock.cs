using LearningHub.Core;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Services;

/// <summary>
/// Runs a decision about an event's places inside one database transaction that no other instance
/// can interleave with: on SQLite the transaction starts with <c>BEGIN IMMEDIATE</c> (what
/// Microsoft.Data.Sqlite issues for a non-deferred transaction), which takes the write lock at once,
/// so deciders run one after another; on PostgreSQL the event's row is locked with
/// <c>SELECT ... FOR UPDATE</c>, so deciders for the same event queue while other events go on.
/// Places are then counted from the bookings themselves, never from a counter that could drift.
/// </summary>
/// <remarks>
/// Deciders in one process also queue in memory before they touch the database: on SQLite (one
/// process, ARCHITECTURE.md) for the whole database, because its busy handler waits by sleeping and
/// retrying, which under contention starved some requests for seconds; on PostgreSQL per event (in
/// stripes), because a request waiting for a row lock holds a pooled connection, and 200 people
/// booking one session at once would otherwise empty the pool. The database lock alone decides the
/// outcome, across instances; the in-memory queue only makes waiting fair and cheap.
/// </remarks>
public sealed class EventLock(LearningHubDbContext db, DatabaseSettings database)
{
    private static readonly SemaphoreSlim SqliteWriters = new(1, 1);
    private static readonly SemaphoreSlim[] EventStripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public Task<T> RunAsync<T>(Guid eventId, Func<Task<T>> decide, CancellationToken ct) =>
        RunIfAsync(eventId, static () => true, decide, default!, ct);

    /// <summary>
    /// Waits for the event's turn, then runs <paramref name="decide"/> in a locked transaction unless
    /// <paramref name="stillNeeded"/> (asked once the turn has come) says the work was done meanwhile;
    /// then returns <paramref name="skipped"/> without touching the database. <paramref name="ct"/>
    /// only cuts the wait short: once begun, a decision runs to its commit, as it may be deciding for others too.
    /// </summary>
    public async Task<T> RunIfAsync<T>(Guid eventId, Func<bool> stillNeeded, Func<Task<T>> decide, T skipped, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // Already inside a locked decision (e.g. a recipe): join it.
            return await decide();
        }

        var queue = database.Provider == DatabaseProvider.Sqlite
            ? SqliteWriters
            : EventStripes[(eventId.GetHashCode() & int.MaxValue) % EventStripes.Length];
        await queue.WaitAsync(ct);
        try
        {
            return stillNeeded() ? await DecideAsync(eventId, decide, CancellationToken.None) : skipped;
        }
        finally
        {
            queue.Release();
        }
    }

    private async Task<T> DecideAsync<T>(Guid eventId, Func<Task<T>> decide, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Events\" WHERE \"Id\" = {eventId} FOR UPDATE", ct);
        }

        var result = await decide();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }
}
