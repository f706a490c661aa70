using LearningHub.Core.Boards;
using LearningHub.Core.Taxonomies;
using LearningHub.Core.Pages;
using LearningHub.Core.Validation;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningHub.Events.Pages.Events;

/// <summary>Upcoming events, filtered by locality, format, theme and when.</summary>
[OutputCache(PolicyName = EventQueries.PublicListCachePolicy)]
public sealed class IndexModel(EventQueries queries, EventListExtras extras, BoardTerms terms, TimeProvider clock) : BoardPageModel
{
    [BindProperty(SupportsGet = true)]
    public FilterInput Filter { get; set; } = new();

    public IReadOnlyList<EventSummary> Events { get; private set; } = [];

    public List<SelectListItem> Localities { get; private set; } = [];

    public List<SelectListItem> Themes { get; private set; } = [];

    public List<SelectListItem> Formats { get; } =
    [
        new("In person", nameof(EventFormat.InPerson)),
        new("Online", nameof(EventFormat.Online)),
        new("Hybrid (in person or online)", nameof(EventFormat.Hybrid)),
    ];

    public List<SelectListItem> Sectors { get; } =
        Enum.GetValues<Sector>().Select(s => new SelectListItem(s.DisplayName(), s.ToString())).ToList();

    public List<SelectListItem> Periods { get; } =
    [
        new("In the next 4 weeks", "4w"),
        new("In the next 3 months", "3m"),
        new("Later than 3 months from now", "later"),
    ];

    public DateTime Now { get; private set; }

    public bool Filtered => Filter.Locality is not null || Filter.Format is not null || Filter.Theme is not null || Filter.When is not null || Filter.Sector is not null;

    public async Task OnGetAsync()
    {
        // Localities, themes and the events' covers are cached (EventListExtras, BoardTerms); the signed-in list is not
        // output-cached, so this runs per request.
        Localities = (await extras.LocalitiesAsync(HttpContext.RequestAborted)).Select(l => new SelectListItem(l.Name, l.Id)).ToList();
        Themes = (await terms.ThemesAsync(HttpContext.RequestAborted)).Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToList();
        var now = Now = clock.GetUtcNow().UtcDateTime;
        // Unknown values (a hand-edited address) are ignored rather than failing the page.
        var format = FormEnums.Read<EventFormat>(Filter.Format);
        var (from, to) = Filter.When switch
        {
            "4w" => ((DateTime?)null, (DateTime?)now.AddDays(28)),
            "3m" => (null, now.AddMonths(3)),
            "later" => (now.AddMonths(3), null),
            _ => (null, null),
        };
        var filter = new EventFilter(
            Guid.TryParse(Filter.Locality, out var locality) ? locality : null,
            format,
            Guid.TryParse(Filter.Theme, out var theme) ? theme : null,
            from, to,
            FormEnums.Read<Sector>(Filter.Sector));
        Events = await queries.UpcomingAsync(filter);
        Covers = await extras.CoversAsync(filter, Events, HttpContext.RequestAborted);
        Entries = EventListEntry.Group(Events);
    }

    /// <summary>The list as shown: each event on its own, except a roadshow's sessions, which come together under it.</summary>
    public IReadOnlyList<EventListEntry> Entries { get; private set; } = [];

    /// <summary>The listed events' cover images (or their roadshows'), loaded in one query.</summary>
    public IReadOnlyDictionary<Guid, MediaImage> Covers { get; private set; } = new Dictionary<Guid, MediaImage>();

    public sealed class FilterInput
    {
        public string? Locality { get; set; }

        public string? Format { get; set; }

        public string? Theme { get; set; }

        public string? When { get; set; }

        /// <summary>Events meant for this sector (and those for everyone).</summary>
        public string? Sector { get; set; }
    }
}

/// <summary>
/// One entry of the events list: an event, or a roadshow with its listed sessions (<see cref="Sessions"/>), placed
/// where its first session falls, so the roadshow's title is read once rather than before every session.
/// </summary>
public sealed record EventListEntry(EventSummary First, IReadOnlyList<EventSummary> Sessions)
{
    public bool IsRoadshow => First.RoadshowId is not null;

    public static IReadOnlyList<EventListEntry> Group(IReadOnlyList<EventSummary> events) =>
        events.GroupBy(e => e.RoadshowId ?? e.Id)
            .Select(g => new EventListEntry(g.First(), g.ToList()))
            .OrderBy(entry => entry.First.StartUtc)
            .ToList();
}
