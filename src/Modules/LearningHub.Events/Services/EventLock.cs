using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using LearningHub.Core;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
/// process, docs/events.md) for the whole database, because its busy handler waits by sleeping and
/// retrying, which under contention starved some requests for seconds; on PostgreSQL per event (in
/// stripes), because a request waiting for a row lock holds a pooled connection, and 200 people
/// booking one session at once would otherwise empty the pool. The database lock alone decides the
/// outcome, across instances; the in-memory queue only makes waiting fair and cheap.
/// Either wait is bounded by <see cref="EventsOptions.LockWait"/>: past it <see cref="EventBusyException"/>
/// is thrown before anything is decided, so nothing is half-saved and the person can simply try again.
/// </remarks>
public sealed class EventLock(LearningHubDbContext db, DatabaseSettings database, IOptions<EventsOptions> options, BoardContext boards, EventListCache lists,
    EventsMetrics metrics)
{
    /// <summary>PostgreSQL's "lock not available", raised when <c>lock_timeout</c> runs out.</summary>
    private const string LockNotAvailable = "55P03";

    private static readonly SemaphoreSlim SqliteWriters = new(1, 1);
    private static readonly SemaphoreSlim[] EventStripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public Task<T> RunAsync<T>(Guid eventId, Func<Task<T>> decide, CancellationToken ct) =>
        RunIfAsync(eventId, static () => true, decide, default!, ct);

    /// <summary>
    /// Waits for the event's turn, then runs <paramref name="decide"/> in a locked transaction unless
    /// <paramref name="stillNeeded"/> (asked once the turn has come) says the work was done meanwhile;
    /// then returns <paramref name="skipped"/> without touching the database. <paramref name="ct"/>
    /// only cuts the wait short: once begun, a decision runs to its commit, as it may be deciding for others too.
    /// Throws <see cref="EventBusyException"/> when the turn does not come within <see cref="EventsOptions.LockWait"/>.
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
        // The wait is the in-process queue and, on PostgreSQL, the event's row lock (ended in DecideAsync).
        var waiting = LearningHubTelemetry.Spans.StartActivity("booking.lock.wait");
        var waitStarted = Stopwatch.GetTimestamp();
        bool acquired;
        try
        {
            acquired = await queue.WaitAsync(options.Value.LockWait, ct);
        }
        catch (OperationCanceledException)
        {
            waiting?.Dispose();
            throw;
        }

        if (!acquired)
        {
            EndWait(waiting, waitStarted, acquired: false);
            throw new EventBusyException(eventId);
        }

        try
        {
            if (!stillNeeded())
            {
                EndWait(waiting, waitStarted, acquired: true);
                return skipped;
            }

            try
            {
                return await DecideAsync(eventId, decide, waiting, waitStarted, CancellationToken.None);
            }
            finally
            {
                // Ended in DecideAsync unless the transaction failed before the lock was had; ending it twice does nothing.
                waiting?.Dispose();
            }
        }
        finally
        {
            queue.Release();
        }
    }

    private async Task<T> DecideAsync<T>(Guid eventId, Func<Task<T>> decide, Activity? waiting, long waitStarted, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (database.Provider != DatabaseProvider.Postgres)
        {
            // SQLite: BEGIN IMMEDIATE has taken the write lock, and nobody else in this process holds it.
            EndWait(waiting, waitStarted, acquired: true);
        }
        else
        {
            // Bounded like the in-memory wait; SET LOCAL ends with the transaction. (A whole number of milliseconds: no parameter is allowed here.)
            var setTimeout = "SET LOCAL lock_timeout = " + ((long)options.Value.LockWait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlRawAsync(setTimeout, ct);
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Events\" WHERE \"Id\" = {eventId} FOR UPDATE", ct);
            }
            catch (DbException ex) when (ex.SqlState == LockNotAvailable)
            {
                // Nothing was decided yet; disposing the transaction rolls it back.
                EndWait(waiting, waitStarted, acquired: false);
                throw new EventBusyException(eventId);
            }

            EndWait(waiting, waitStarted, acquired: true);
        }

        var result = await decide();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // Every change of an event's places commits here: cached lists must not go on showing the old count.
        lists.Changed(boards.Required.Id);
        return result;
    }

    private void EndWait(Activity? waiting, long waitStarted, bool acquired)
    {
        metrics.LockWaited(Stopwatch.GetElapsedTime(waitStarted), acquired);
        if (waiting is not null)
        {
            waiting.SetTag(LearningHubTelemetry.OutcomeTag, acquired ? "acquired" : "timed_out");
            waiting.Dispose();
        }
    }
}

/// <summary>An event's turn did not come within <see cref="EventsOptions.LockWait"/>: nothing was decided, try again in a moment.</summary>
public sealed class EventBusyException(Guid eventId)
    : Exception($"Event {eventId} is busy: its lock was not free within the configured wait.")
{
    public Guid EventId { get; } = eventId;
}
