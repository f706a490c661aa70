using LearningHub.Core.Learning;
using LearningHub.Core.Boards;
using LearningHub.Core.Taxonomies;

namespace LearningHub.Events.Domain;

public enum EventFormat
{
    InPerson,
    Online,
    Hybrid,
}

public enum EventStatus
{
    Draft,
    Published,
    Cancelled,
}

/// <summary>
/// A learning event, briefing, webinar or one session of a roadshow. Times are UTC; pages show them in
/// Europe/London. How many places are left is never stored: it is counted from the bookings and holds
/// (<see cref="Booking.HoldsPlace"/>) inside the transaction that decides a booking.
/// </summary>
public class LearningEvent : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    /// <summary>Stable key a recipe matches on; null for events made on the coordinator pages.</summary>
    public string? Key { get; set; }

    /// <summary>The series this is a session of, if any.</summary>
    public Guid? RoadshowId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>What the event covers, Markdown (rendered with raw HTML disabled).</summary>
    public string Summary { get; set; } = "";

    public EventFormat Format { get; set; }

    /// <summary>Address of the venue: shown only to people with a confirmed place.</summary>
    public string? Venue { get; set; }

    /// <summary>Online joining link: shown only to people with a confirmed place.</summary>
    public string? JoiningLink { get; set; }

    public Guid? LocalityId { get; set; }

    public Guid? ThemeId { get; set; }

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    public int Capacity { get; set; }

    /// <summary>Bookings are taken from this time; always open before it when null.</summary>
    public DateTime? BookingOpensUtc { get; set; }

    /// <summary>Bookings close at this time; at the start when null.</summary>
    public DateTime? BookingClosesUtc { get; set; }

    /// <summary>A confirmed place can be cancelled by its holder until this time; until the start when null.</summary>
    public DateTime? CancellationCutoffUtc { get; set; }

    /// <summary>The practitioner's line manager must approve each booking (the place is held meanwhile).</summary>
    public bool RequiresApproval { get; set; }

    /// <summary>When full, people may join a waiting list; when false, a full event refuses bookings.</summary>
    public bool WaitingListEnabled { get; set; } = true;

    /// <summary>The sectors the event is for, as <see cref="Sector"/> names separated by commas; empty means everyone.</summary>
    public string AudienceSectors { get; set; } = "";

    /// <summary>
    /// The case modules the event teaches and the recommendations it answers. Always loaded with the event (the model
    /// auto-includes it): attendance credit, the edit page and copying an event all read it.
    /// </summary>
    public List<EventLearningLink> Links { get; set; } = [];

    /// <summary>Attendance counts toward completing the linked case modules (the board chooses per event).</summary>
    public bool AttendanceCountsTowardModules { get; set; }

    /// <summary>Who runs the session, as the coordinator writes it.</summary>
    public string? Facilitators { get; set; }

    /// <summary>One question the board asks everyone who books (access needs, what they hope to learn); none when null.</summary>
    public string? BookingQuestion { get; set; }

    /// <summary>Key of the Forms module's form asked of people with a confirmed place before the event; none when null.</summary>
    public string? BaselineFormKey { get; set; }

    /// <summary>Key of the form sent to those who attended when the register closes; none when null.</summary>
    public string? EvaluationFormKey { get; set; }

    /// <summary>Key of the form sent to those who attended, <see cref="FollowUpDays"/> after the event; none when null.</summary>
    public string? FollowUpFormKey { get; set; }

    /// <summary>Days after the event the follow-up is sent; the board's default (90) when null.</summary>
    public int? FollowUpDays { get; set; }

    /// <summary>The follow-up is copied to the line manager the person gave when booking.</summary>
    public bool FollowUpToLineManager { get; set; }

    /// <summary>
    /// When the coordinator closed the register: evaluations, no-show notices and follow-ups went out then,
    /// and the marks no longer change (so nobody is asked twice or asked after being marked absent).
    /// </summary>
    public DateTime? RegisterClosedUtc { get; set; }

    /// <summary>Who closed the register.</summary>
    public string? RegisterClosedBy { get; set; }

    public bool RegisterClosed => RegisterClosedUtc is not null;

    public EventStatus Status { get; set; } = EventStatus.Draft;

    /// <summary>Raised each time the time or place changes, so calendar updates carry a newer SEQUENCE.</summary>
    public int Revision { get; set; }

    /// <summary>An image of the board's media library shown on the events list and the event page, or none.</summary>
    public Guid? CoverImageId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public IReadOnlyList<Sector> Audience =>
        AudienceSectors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<Sector>(s, out var sector) ? (Sector?)sector : null)
            .OfType<Sector>()
            .ToList();

    /// <summary>The keys (slugs) of the case modules the event teaches, in the order they were linked.</summary>
    public IReadOnlyList<string> LinkedModules =>
        Links.Where(l => l.RecommendationNumber == null).OrderBy(l => l.Position).Select(l => l.ModuleKey).ToList();

    /// <summary>The recommendations the event answers, in the order they were linked.</summary>
    public IReadOnlyList<RecommendationRef> LinkedRecommendations =>
        Links.Where(l => l.RecommendationNumber != null).OrderBy(l => l.Position).Select(l => new RecommendationRef(l.ModuleKey, l.RecommendationNumber!)).ToList();

    /// <summary>
    /// Makes the links exactly these, keeping the rows of links that stay (so setting the same links again, as
    /// re-applying a recipe does, changes nothing).
    /// </summary>
    public void SetLinks(IEnumerable<string> modules, IEnumerable<RecommendationRef> recommendations)
    {
        var wanted = modules.Select(m => (Module: m.Trim(), Number: (string?)null))
            .Concat(recommendations.Select(r => (Module: r.ModuleKey.Trim(), Number: (string?)r.Number.Trim())))
            .Where(w => w.Module.Length > 0)
            .Distinct()
            .ToList();
        Links.RemoveAll(l => !wanted.Contains((l.ModuleKey, l.RecommendationNumber)));
        for (var i = 0; i < wanted.Count; i++)
        {
            var (module, number) = wanted[i];
            var link = Links.Find(l => l.ModuleKey == module && l.RecommendationNumber == number);
            if (link is null)
            {
                link = new EventLearningLink { EventId = Id, ModuleKey = module, RecommendationNumber = number };
                Links.Add(link);
            }

            if (link.Position != i)
            {
                link.Position = i;
            }
        }
    }

    public DateTime BookingClosesAt => BookingClosesUtc ?? StartUtc;

    public DateTime CancellationCutoffAt => CancellationCutoffUtc ?? StartUtc;

    /// <summary>Why a booking cannot be made now, or null when it can.</summary>
    public BookingRefusal? RefusalAt(DateTime nowUtc)
    {
        if (Status == EventStatus.Cancelled)
        {
            return BookingRefusal.EventCancelled;
        }

        if (Status != EventStatus.Published)
        {
            return BookingRefusal.NotPublished;
        }

        if (BookingOpensUtc is { } opens && nowUtc < opens)
        {
            return BookingRefusal.NotOpenYet;
        }

        return nowUtc >= BookingClosesAt ? BookingRefusal.Closed : null;
    }
}

/// <summary>Why a booking was refused, each with its own clear page.</summary>
public enum BookingRefusal
{
    NotPublished,
    EventCancelled,
    NotOpenYet,
    Closed,
    FullNoWaitingList,

    /// <summary>The event needs a line manager's approval and no line manager's address was given.</summary>
    LineManagerNeeded,

    /// <summary>The line manager's address given is the booker's own: nobody approves their own place.</summary>
    OwnLineManager,
}

/// <summary>
/// A link from an event to the case module it teaches (<see cref="RecommendationNumber"/> null) or to one recommendation
/// of a module that it answers. Modules are named by key, not by a foreign key, because case modules belong to
/// another module's tables; the edit page offers only published modules and their recommendations.
/// </summary>
public class EventLearningLink : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid EventId { get; set; }

    /// <summary>The case module's key (its slug).</summary>
    public string ModuleKey { get; set; } = "";

    /// <summary>The recommendation's number in the module; null for a link to the module itself.</summary>
    public string? RecommendationNumber { get; set; }

    /// <summary>Keeps the order the coordinator or recipe gave.</summary>
    public int Position { get; set; }
}
