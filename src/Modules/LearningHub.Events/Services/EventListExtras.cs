using LearningHub.Core;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LearningHub.Events.Services;

/// <summary>
/// What the events list shows beside the events: the board's localities to filter by and the listed events' cover
/// images. The signed-in list is not output-cached, and these two reads were a third of its server time; both are
/// the same for everyone, so they are kept in memory.
/// <para>
/// The localities are kept under the board's public-page version (<see cref="PublicPageCache"/>), which any save of
/// the board's content moves on, so a locality renamed or added shows at once on this node (on another when its
/// copy expires, <see cref="LearningHubOptions.PublicPageCacheTime"/>). The covers are kept with the list they
/// belong to: under the list's version (<see cref="EventListCache"/>), its filter, and the public-page version too,
/// so a cover chosen, replaced or given new alt text shows at once; for no longer than the list itself
/// (<see cref="EventsOptions.PublicListCacheTime"/>).
/// </para>
/// </summary>
public sealed class EventListExtras(
    LearningHubDbContext db, MediaLibrary library, IMemoryCache cache, BoardContext boards, PublicPageCache publicPages,
    EventListCache lists, IOptions<LearningHubOptions> hubOptions, IOptions<EventsOptions> eventOptions)
{
    /// <summary>The board's localities in display order, as choices (name, id).</summary>
    public async Task<IReadOnlyList<(string Name, string Id)>> LocalitiesAsync(CancellationToken cancellationToken = default)
    {
        var board = boards.Required.Id;
        var key = ("events.localities", board, publicPages.VersionOf(board));
        if (cache.TryGetValue(key, out IReadOnlyList<(string, string)>? cached) && cached is not null)
        {
            return cached;
        }

        var localities = (await db.Localities.AsNoTracking().OrderBy(l => l.SortOrder).Select(l => new { l.Name, l.Id }).ToListAsync(cancellationToken))
            .Select(l => (l.Name, l.Id.ToString())).ToList();
        cache.Set(key, (IReadOnlyList<(string, string)>)localities, hubOptions.Value.PublicPageCacheTime);
        return localities;
    }

    /// <summary>The cover images (their own or their roadshows') of the events <see cref="EventQueries.UpcomingAsync"/> listed for the filter.</summary>
    public async Task<IReadOnlyDictionary<Guid, MediaImage>> CoversAsync(EventFilter filter, IReadOnlyList<EventSummary> events,
        CancellationToken cancellationToken = default)
    {
        var board = boards.Required.Id;
        var ids = events.SelectMany(e => new[] { e.CoverImageId, e.RoadshowCoverImageId }).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, MediaImage>();
        }

        var key = ("events.covers", board, lists.Version(board), publicPages.VersionOf(board), filter);
        // The list read again after a change may name other images under the same versions (another node's change
        // reaching this one when its list expired): only a copy that has every image asked for is used.
        if (cache.TryGetValue(key, out IReadOnlyDictionary<Guid, MediaImage>? cached) && cached is not null && ids.All(cached.ContainsKey))
        {
            return cached;
        }

        var covers = await library.FindImagesAsync(ids, cancellationToken);
        cache.Set(key, covers, eventOptions.Value.PublicListCacheTime);
        return covers;
    }
}
