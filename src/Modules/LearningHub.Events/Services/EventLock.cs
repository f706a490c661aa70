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
/// SQLite runs in one process (ARCHITECTURE.md), so there deciders also queue on an in-process
/// semaphore before <c>BEGIN IMMEDIATE</c>: the database lock alone is correct, but its busy handler
/// waits by sleeping and retrying, which under contention starves some requests for seconds. The
/// semaphore makes them wait their turn instead; the transaction still guarantees the outcome.
/// </remarks>
public sealed class EventLock(LearningHubDbContext db, DatabaseSettings database)
{
    private static readonly SemaphoreSlim SqliteWriters = new(1, 1);

    public async Task<T> RunAsync<T>(Guid eventId, Func<Task<T>> decide, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // Already inside a locked decision (e.g. a recipe): join it.
            return await decide();
        }

        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return await DecideAsync(eventId, decide, ct);
        }

        await SqliteWriters.WaitAsync(ct);
        try
        {
            return await DecideAsync(eventId, decide, ct);
        }
        finally
        {
            SqliteWriters.Release();
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
