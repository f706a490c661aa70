using LearningHub.Core.Boards;
using LearningHub.Core.Time;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Core.Pages;

/// <summary>A report's figures and when they were computed (shown on the page as "Figures as of", so nobody takes them for live counts).</summary>
public sealed record SharedReport<T>(T Figures, DateTimeOffset ComputedAt);

/// <summary>
/// Computes a costly report once for everyone who asks for the same one within its lifetime, instead of once per
/// request: on 2 cores, 20 people opening a report that costs a second of database work each cannot all be served in
/// half a second, because the same figures would be computed 20 times over (issue 22). Requests that arrive while
/// the figures are being computed wait for that one computation (single-flight) rather than starting their own.
/// <para>
/// The key must hold the board and everything that changes the figures, including whose figures they are (an agency
/// lead's scope): this class adds the board itself, so one board's figures can never be served to another.
/// The computation runs in its own scope, acting for the board, so a reader who gives up (closes the tab) does not
/// cancel it for the others waiting on it; each reader stops waiting on their own cancellation.
/// </para>
/// <para>
/// Freshness is judged by <see cref="TimeProvider"/> (the app's clock, movable in tests); the memory cache's own
/// expiry only frees entries nobody asks for again. A computation that fails is forgotten, so the next request tries
/// again rather than being served the error for the whole lifetime. In memory, per process: each node of a
/// scale-out deployment computes its own copy.
/// </para>
/// </summary>
public sealed class SharedReports(IMemoryCache cache, IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly Lock _gate = new();

    /// <summary>"Figures as of 2:05pm on Friday 4 December 2026" (London time), for the line under a shared report's heading.</summary>
    public static string AsOf(DateTimeOffset computedAt) =>
        $"Figures as of {LondonTime.Time(computedAt.UtcDateTime)} on {LondonTime.Date(computedAt.UtcDateTime)}";

    private sealed record Entry(Lazy<Task<object>> Computation, DateTimeOffset StartedAt);

    /// <summary>
    /// The figures for <paramref name="key"/> on the current request's board: shared when computed less than
    /// <paramref name="lifetime"/> ago (or still being computed), otherwise computed now by <paramref name="compute"/>
    /// with services of a new scope acting for the board. A zero lifetime computes on every call.
    /// </summary>
    public async Task<SharedReport<T>> GetAsync<T>(BoardInfo board, string report, object key, TimeSpan lifetime,
        Func<IServiceProvider, DateTimeOffset, CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
        where T : notnull
    {
        if (lifetime <= TimeSpan.Zero)
        {
            var now = clock.GetUtcNow();
            return new SharedReport<T>(await ComputeAsync(board, now, compute, cancellationToken), now);
        }

        var cacheKey = (nameof(SharedReports), report, board.Id, key);
        Entry entry;
        lock (_gate)
        {
            // Only the bookkeeping is under the lock: the computation starts outside it (Lazy), so the lock is held
            // for microseconds and only one entry per key can ever be made for a lifetime.
            var now = clock.GetUtcNow();
            if (!cache.TryGetValue(cacheKey, out Entry? found) || found is null
                || (found.Computation.IsValueCreated && found.Computation.Value.IsCompleted && now - found.StartedAt >= lifetime))
            {
                found = new Entry(new Lazy<Task<object>>(async () => (object)await ComputeAsync(board, now, compute, CancellationToken.None),
                    LazyThreadSafetyMode.ExecutionAndPublication), now);
                cache.Set(cacheKey, found, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime });
            }

            entry = found;
        }

        try
        {
            var figures = await entry.Computation.Value.WaitAsync(cancellationToken);
            return new SharedReport<T>((T)figures, entry.StartedAt);
        }
        catch (Exception) when (entry.Computation.Value.IsFaulted || entry.Computation.Value.IsCanceled)
        {
            lock (_gate)
            {
                if (cache.TryGetValue(cacheKey, out Entry? current) && ReferenceEquals(current, entry))
                {
                    cache.Remove(cacheKey);
                }
            }

            throw;
        }
    }

    private async Task<T> ComputeAsync<T>(BoardInfo board, DateTimeOffset now,
        Func<IServiceProvider, DateTimeOffset, CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BoardContext>().Use(board);
        return await compute(scope.ServiceProvider, now, cancellationToken);
    }
}
