using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Events.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LearningHub.Events.Services;

/// <summary>An event as a list shows it, with its places left counted from bookings and holds.</summary>
public sealed record EventSummary(
    Guid Id, string Title, EventFormat Format, string? LocalityName, string? ThemeName, DateTime StartUtc, DateTime EndUtc,
    int Capacity, int PlacesLeft, int Waiting, EventStatus Status, Guid? RoadshowId, string? RoadshowTitle, bool WaitingListEnabled,
    DateTime BookingClosesAt, Guid? CoverImageId = null, Guid? RoadshowCoverImageId = null)
{
    /// <summary>Booking has closed (the session has started, or its booking window ended): no places to show.</summary>
    public bool BookingClosedAt(DateTime nowUtc) => nowUtc >= BookingClosesAt;

    /// <summary>The image a list shows beside the event: its own cover, else its roadshow's.</summary>
    public Guid? ListCoverImageId => CoverImageId ?? RoadshowCoverImageId;
}

/// <param name="Audience">Events for this sector: those that name it, and those for everyone (no sectors named).</param>
public sealed record EventFilter(Guid? LocalityId, EventFormat? Format, Guid? ThemeId, DateTime? FromUtc, DateTime? ToUtc,
    LearningHub.Core.Taxonomies.Sector? Audience = null);

/// <summary>Reads for the pages: lists and counts, no tracking.</summary>
public sealed class EventQueries(LearningHubDbContext db, TimeProvider clock, IMemoryCache cache, BoardContext boards, IOptions<EventsOptions> options,
    EventListCache lists, PublicPageCache publicPages)
{
    /// <summary>The output-cache policy of the signed-out list page (<see cref="EventListCache.AddPolicy"/>).</summary>
    public const string PublicListCachePolicy = "events.public-list";

    public async Task<IReadOnlyList<EventSummary>> UpcomingAsync(EventFilter filter, bool includeDrafts = false, CancellationToken ct = default)
    {
        if (includeDrafts)
        {
            return await UpcomingUncachedAsync(filter, includeDrafts, ct);
        }

        var board = boards.Required.Id;
        // The list version moves with places taken; the public-page version with any event (or other board content) edited.
        var key = ("events.upcoming", board, lists.Version(board), publicPages.VersionOf(board), filter);
        if (cache.TryGetValue(key, out IReadOnlyList<EventSummary>? cached) && cached is not null)
        {
            return cached;
        }

        var list = await UpcomingUncachedAsync(filter, includeDrafts, ct);
        cache.Set(key, list, options.Value.PublicListCacheTime);
        return list;
    }

    private async Task<IReadOnlyList<EventSummary>> UpcomingUncachedAsync(EventFilter filter, bool includeDrafts, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = db.Set<LearningEvent>().AsNoTracking().Where(e => e.EndUtc > now);
        events = includeDrafts ? events : events.Where(e => e.Status == EventStatus.Published);
        if (filter.LocalityId is { } locality)
        {
            events = events.Where(e => e.LocalityId == locality);
        }

        if (filter.Audience is { } sector)
        {
            // Sector names are stored comma-separated, and no name is part of another, so a substring test is exact.
            var name = sector.ToString();
            events = events.Where(e => e.AudienceSectors == "" || e.AudienceSectors.Contains(name));
        }

        if (filter.Format is { } format)
        {
            events = events.Where(e => e.Format == format);
        }

        if (filter.ThemeId is { } theme)
        {
            events = events.Where(e => e.ThemeId == theme);
        }

        if (filter.FromUtc is { } from)
        {
            events = events.Where(e => e.StartUtc >= from);
        }

        if (filter.ToUtc is { } to)
        {
            events = events.Where(e => e.StartUtc < to);
        }

        return await SummariseAsync(events.OrderBy(e => e.StartUtc), now, ct);
    }

    public async Task<IReadOnlyList<EventSummary>> SessionsOfAsync(Guid roadshowId, bool includeDrafts, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = db.Set<LearningEvent>().AsNoTracking().Where(e => e.RoadshowId == roadshowId);
        events = includeDrafts ? events : events.Where(e => e.Status != EventStatus.Draft);
        return await SummariseAsync(events.OrderBy(e => e.StartUtc), now, ct);
    }

    public async Task<EventSummary?> SummaryAsync(Guid eventId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await SummariseAsync(db.Set<LearningEvent>().AsNoTracking().Where(e => e.Id == eventId), now, ct)).SingleOrDefault();
    }

    private async Task<IReadOnlyList<EventSummary>> SummariseAsync(IQueryable<LearningEvent> events, DateTime now, CancellationToken ct)
    {
        var holdsPlace = Booking.HoldsPlaceAt(now);
        var rows = await events
            .Select(e => new
            {
                Event = e,
                Locality = db.Localities.Where(l => l.Id == e.LocalityId).Select(l => l.Name).FirstOrDefault(),
                Theme = db.LearningThemes.Where(t => t.Id == e.ThemeId).Select(t => t.Name).FirstOrDefault(),
                Roadshow = db.Set<Roadshow>().Where(r => r.Id == e.RoadshowId).Select(r => r.Title).FirstOrDefault(),
                RoadshowCover = db.Set<Roadshow>().Where(r => r.Id == e.RoadshowId).Select(r => r.CoverImageId).FirstOrDefault(),
                Held = db.Set<Booking>().Where(b => b.EventId == e.Id).Count(holdsPlace),
                Waiting = db.Set<Booking>().Count(b => b.EventId == e.Id && b.Status == BookingStatus.Waitlisted),
            })
            .ToListAsync(ct);
        return rows.Select(r => new EventSummary(r.Event.Id, r.Event.Title, r.Event.Format, r.Locality, r.Theme, r.Event.StartUtc, r.Event.EndUtc,
            r.Event.Capacity, r.Waiting > 0 ? 0 : Math.Max(0, r.Event.Capacity - r.Held), r.Waiting, r.Event.Status,
            r.Event.RoadshowId, r.Roadshow, r.Event.WaitingListEnabled, r.Event.BookingClosesAt, r.Event.CoverImageId, r.RoadshowCover)).ToList();
    }
}
