namespace LearningHub.Notifications.Calendar;

/// <summary>Whether a calendar event is going ahead, written as the iCalendar STATUS property.</summary>
public enum CalendarEventStatus
{
    Confirmed,
    Tentative,
    Cancelled,
}

/// <summary>
/// One event as it is written to an <c>.ics</c> invite, cancellation or feed. Times are UTC only:
/// callers convert from Europe/London (or any zone) first, so the file never depends on the reader's
/// time zone database and no VTIMEZONE is needed.
/// </summary>
/// <remarks>
/// The start and end are fixed at construction so their order is checked once; to move an event, build
/// a new one with the same <see cref="Uid"/> and a higher <see cref="Sequence"/>. Other properties may be
/// changed with <c>with</c>, and each is checked as it is set.
/// </remarks>
public sealed record CalendarEvent
{
    private readonly string _uid = "";
    private readonly int _sequence;
    private readonly DateTime _dtStampUtc;
    private readonly DateTime? _lastModifiedUtc;
    private readonly string _summary = "";
    private readonly Uri? _url;
    private readonly string _organizerName = "";
    private readonly string _organizerEmail = "";
    private readonly string? _attendeeEmail;

    /// <param name="uid">Stable for the life of the booking, e.g. <c>booking-NSCB-7Q4K2@learninghub</c>: clients match updates and cancellations by it.</param>
    /// <param name="sequence">Revision number, 0 for the first invite; raise it for every later update or cancellation.</param>
    /// <param name="startUtc">Start, <see cref="DateTimeKind.Utc"/>.</param>
    /// <param name="endUtc">End, <see cref="DateTimeKind.Utc"/>, after the start.</param>
    /// <param name="summary">Title shown in the calendar.</param>
    /// <param name="organizerName">Who runs the event (the board), shown as the organiser.</param>
    /// <param name="organizerEmail">The organiser's address, written as a <c>mailto:</c> URI.</param>
    /// <param name="dtStampUtc">When this calendar object was produced (DTSTAMP), <see cref="DateTimeKind.Utc"/>.</param>
    public CalendarEvent(
        string uid,
        int sequence,
        DateTime startUtc,
        DateTime endUtc,
        string summary,
        string organizerName,
        string organizerEmail,
        DateTime dtStampUtc)
    {
        RequireUtc(startUtc, nameof(startUtc));
        RequireUtc(endUtc, nameof(endUtc));
        // Compare whole seconds because that is all iCalendar can carry: an end a few ticks after
        // the start would otherwise be written as an event that ends when it starts.
        if (TruncateToSeconds(endUtc) <= TruncateToSeconds(startUtc))
        {
            throw new ArgumentException($"The end ({endUtc:O}) must be at least a second after the start ({startUtc:O}).", nameof(endUtc));
        }

        StartUtc = startUtc;
        EndUtc = endUtc;
        Uid = uid;
        Sequence = sequence;
        Summary = summary;
        OrganizerName = organizerName;
        OrganizerEmail = organizerEmail;
        DtStampUtc = dtStampUtc;
    }

    /// <summary>Globally unique and stable across updates; clients match a cancellation to its invite by it.</summary>
    public string Uid
    {
        get => _uid;
        init => _uid = string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException("A calendar event needs a UID.", nameof(Uid))
            : value;
    }

    /// <summary>Revision number (SEQUENCE). Clients ignore a message whose sequence is lower than one they already hold.</summary>
    public int Sequence
    {
        get => _sequence;
        init => _sequence = value < 0
            ? throw new ArgumentOutOfRangeException(nameof(Sequence), value, "SEQUENCE cannot be negative.")
            : value;
    }

    /// <summary>Start of the event, UTC.</summary>
    public DateTime StartUtc { get; }

    /// <summary>End of the event, UTC, after <see cref="StartUtc"/>.</summary>
    public DateTime EndUtc { get; }

    /// <summary>When this calendar object was produced (DTSTAMP, required by RFC 5545). Set it to now for every message sent.</summary>
    public DateTime DtStampUtc
    {
        get => _dtStampUtc;
        init => _dtStampUtc = RequireUtc(value, nameof(DtStampUtc));
    }

    /// <summary>When the event's details last changed (LAST-MODIFIED), UTC; omitted when null.</summary>
    public DateTime? LastModifiedUtc
    {
        get => _lastModifiedUtc;
        init => _lastModifiedUtc = value is { } v ? RequireUtc(v, nameof(LastModifiedUtc)) : null;
    }

    /// <summary>Title of the event.</summary>
    public string Summary
    {
        get => _summary;
        init => _summary = string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException("A calendar event needs a summary.", nameof(Summary))
            : value;
    }

    /// <summary>Longer plain-text description; omitted when null or empty.</summary>
    public string? Description { get; init; }

    /// <summary>Where the event happens, as free text; omitted when null or empty.</summary>
    public string? Location { get; init; }

    /// <summary>A page about the event or booking; must be absolute.</summary>
    public Uri? Url
    {
        get => _url;
        init => _url = value is { IsAbsoluteUri: false }
            ? throw new ArgumentException("The event URL must be absolute.", nameof(Url))
            : value;
    }

    /// <summary>Display name of the organiser (CN parameter).</summary>
    public string OrganizerName
    {
        get => _organizerName;
        init => _organizerName = value ?? throw new ArgumentNullException(nameof(OrganizerName));
    }

    /// <summary>Organiser's email address; ORGANIZER is required for METHOD REQUEST, CANCEL and PUBLISH.</summary>
    public string OrganizerEmail
    {
        get => _organizerEmail;
        init => _organizerEmail = RequireEmail(value, nameof(OrganizerEmail));
    }

    /// <summary>Display name of the attendee (CN parameter); used only with <see cref="AttendeeEmail"/>.</summary>
    public string? AttendeeName { get; init; }

    /// <summary>The person who booked; when set, invites and cancellations name them as ATTENDEE.</summary>
    public string? AttendeeEmail
    {
        get => _attendeeEmail;
        init => _attendeeEmail = value is null ? null : RequireEmail(value, nameof(AttendeeEmail));
    }

    /// <summary>Whether the event is going ahead; feeds write it as is, invites and cancellations set it themselves.</summary>
    public CalendarEventStatus Status { get; init; } = CalendarEventStatus.Confirmed;

    internal static DateTime TruncateToSeconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Kind);

    private static DateTime RequireUtc(DateTime value, string name)
    {
        // Local or Unspecified times are refused rather than converted: guessing the zone is how a
        // booking ends up an hour out after the clocks change.
        if (value.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException($"{name} must be a UTC time (DateTimeKind.Utc), not {value.Kind}; convert from Europe/London first.", name);
        }

        return value;
    }

    private static string RequireEmail(string value, string name)
    {
        // The address is written raw after "mailto:", so anything that could break the content line
        // (controls, spaces) or is plainly not an address is refused here rather than escaped.
        ArgumentNullException.ThrowIfNull(value, name);
        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1 || value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new ArgumentException($"'{value}' is not an email address that can be written to a calendar.", name);
        }

        return value;
    }
}
