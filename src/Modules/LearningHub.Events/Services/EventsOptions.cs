namespace LearningHub.Events.Services;

/// <summary>The <c>Events</c> configuration section.</summary>
public sealed class EventsOptions
{
    public const string Section = "Events";

    /// <summary>How often the waiting-list job looks for offers and approval holds that have run out.</summary>
    public TimeSpan WaitlistPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Set false on an instance that should not run the waiting-list job (tests drive it by hand).</summary>
    public bool WaitlistJobEnabled { get; set; } = true;

    /// <summary>Set false on an instance that should not warm the booking path after it starts (<see cref="BookingWarmUp"/>).</summary>
    public bool BookingWarmUpEnabled { get; set; } = true;

    /// <summary>How long a place is held while a line manager decides (cut short when booking closes).</summary>
    public TimeSpan ApprovalHold { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// The longest a request waits for an event's turn (<see cref="EventLock"/>) before the person is asked to
    /// try again in a moment (<see cref="EventBusyException"/>), so a crowd booking one session cannot make requests hang.
    /// </summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the public events list (its read model, and the signed-out page itself) may be served
    /// from memory, so how long its places-left and a newly published event may lag. The event page and
    /// every booking decision count live, so this never oversells anything.
    /// </summary>
    public TimeSpan PublicListCacheTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the reach report for one board and period is shared by everyone who opens it (page and CSV) before it
    /// is counted again (<see cref="LearningHub.Core.Pages.SharedReports"/>). Five minutes: the report is of a past
    /// quarter or year, read for a board's returns, where a booking made in the last minutes changes nothing anyone
    /// decides, while counting a year of the largest board's bookings costs most of a second of the database; the page
    /// says when its figures were computed. Zero counts on every request.
    /// </summary>
    public TimeSpan ReachCacheTime { get; set; } = TimeSpan.FromMinutes(5);
}
