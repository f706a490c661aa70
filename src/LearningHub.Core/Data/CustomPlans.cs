using Microsoft.EntityFrameworkCore;

namespace LearningHub.Core.Data;

/// <summary>
/// Has PostgreSQL plan a unit of work's statements for the values they run with, for searches by typed text.
/// </summary>
/// <remarks>
/// The app's connections keep statements prepared (<see cref="DatabaseSettings.WithAutoPrepare"/>), and after five runs
/// PostgreSQL may keep one generic plan for a prepared statement, made without the values, when it estimates it no
/// worse than the plans made for each run. For a search by text that estimate is a guess: the audit log searched for
/// its busiest actor's name, a generic plan expected 87 entries and found 42,102 (all read through a trigram index and
/// sorted: 40–52 ms a count, against 1–2 ms walking the board's newest entries until 501 matched; 65 searches a second
/// at 20 users against 627, bench/README.md, session 19). Inside this scope's transaction (<c>SET LOCAL
/// plan_cache_mode = force_custom_plan</c>) every statement is planned for its values, as without preparation; it ends
/// with the scope. Read-only work only: the transaction is never committed. SQLite has no plan cache of this kind, and
/// the scope is nothing there.
/// </remarks>
public static class CustomPlans
{
    public static async Task<IAsyncDisposable?> BeginAsync(LearningHubDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return null;
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", cancellationToken);
        return transaction;
    }
}
