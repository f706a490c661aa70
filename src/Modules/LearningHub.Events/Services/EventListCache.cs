using System.Collections.Concurrent;
using System.Globalization;
using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Events.Services;

/// <summary>
/// Keeps the cached public events list (its read model in <see cref="EventQueries"/> and the signed-out page
/// in the output cache) from showing more places than there are. Each board's lists carry a version in their
/// cache keys; <see cref="EventLock"/>, where every decision about places commits, moves the version on, so the
/// next request misses both caches and counts again. A list read before the commit was stored under the old
/// version, which no later request asks for, so no race can bring a stale count back.
/// </summary>
/// <remarks>In memory, per process: several instances (PostgreSQL) each learn of their own changes at once and of
/// another instance's when their copy expires (<see cref="EventsOptions.PublicListCacheTime"/>).</remarks>
public sealed class EventListCache
{
    private readonly ConcurrentDictionary<Guid, long> _versions = new();

    public long Version(Guid boardId) => _versions.GetValueOrDefault(boardId);

    /// <summary>Places on one of the board's events changed (a booking, a cancellation, a new capacity).</summary>
    public void Changed(Guid boardId) => _versions.AddOrUpdate(boardId, 1, (_, version) => version + 1);

    /// <summary>The output-cache policy of the signed-out list page: a copy per board, filter and list version.</summary>
    public static void AddPolicy(OutputCacheOptions cache, TimeSpan lifetime) =>
        cache.AddPolicy(EventQueries.PublicListCachePolicy, policy => policy.Expire(lifetime)
            // Only the filter's fields: other query values do not change the page, so they must not multiply its copies.
            .SetVaryByQuery("Filter.Locality", "Filter.Format", "Filter.Theme", "Filter.When", "Filter.Sector")
            .VaryByValue(context => new("events-list-version", VersionFor(context))));

    private static string VersionFor(HttpContext context)
    {
        var board = context.RequestServices.GetRequiredService<BoardContext>().BoardId;
        var version = board is { } id ? context.RequestServices.GetRequiredService<EventListCache>().Version(id) : 0;
        return version.ToString(CultureInfo.InvariantCulture);
    }
}
