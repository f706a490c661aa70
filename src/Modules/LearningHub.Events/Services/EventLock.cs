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
public sealed class EventLock(LearningHubDbContext db, DatabaseSettings database)
{
    public async Task<T> RunAsync<T>(Guid eventId, Func<Task<T>> decide, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // Already inside a locked decision (e.g. a recipe): join it.
            return await decide();
        }

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
