using System.Text;
using Ical.Net;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace LearningHub.Notifications.Calendar;

/// <summary>
/// Writes RFC 5545 iCalendar text with Ical.Net: invites (METHOD:REQUEST) and cancellations (METHOD:CANCEL)
/// to attach to booking mail, and feeds (METHOD:PUBLISH) for a person's private calendar URL.
/// </summary>
/// <remarks>
/// Ical.Net's <see cref="CalendarSerializer"/> writes CRLF line endings, escapes TEXT values, quotes CN
/// parameters that need it and writes every time here in UTC (<c>20261121T093000Z</c>), so no VTIMEZONE
/// is needed. It orders properties by name. Encode the returned string as UTF-8 without a byte order mark
/// and send it as <c>text/calendar; charset=UTF-8; method=REQUEST</c> (or <c>CANCEL</c>, <c>PUBLISH</c>).
/// </remarks>
public static class IcsWriter
{
    /// <summary>PRODID of every calendar this site writes.</summary>
    public const string ProductId = "-//LearningHub//LearningHub//EN";

    private const int MaxLineOctets = 75;

    /// <summary>
    /// An invitation for a booking: METHOD:REQUEST with one VEVENT. Send it again with the same
    /// <see cref="CalendarEvent.Uid"/> and a higher <see cref="CalendarEvent.Sequence"/> when the event changes.
    /// </summary>
    /// <exception cref="ArgumentException">The event's status is <see cref="CalendarEventStatus.Cancelled"/>; use <see cref="Cancel"/>.</exception>
    public static string Invite(CalendarEvent calendarEvent)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        if (calendarEvent.Status == CalendarEventStatus.Cancelled)
        {
            throw new ArgumentException("A cancelled event is sent with IcsWriter.Cancel, not as an invite.", nameof(calendarEvent));
        }

        var calendar = NewCalendar(CalendarMethods.Request);
        calendar.Events.Add(ToIcal(calendarEvent, calendarEvent.Status, withAttendee: true));
        return Serialize(calendar);
    }

    /// <summary>
    /// A cancellation of an earlier invite: METHOD:CANCEL and STATUS:CANCELLED with the same UID.
    /// </summary>
    /// <remarks>
    /// The caller must give a <see cref="CalendarEvent.Sequence"/> higher than that of the last invite sent
    /// for this UID (keep the last sequence with the booking and add one): calendar clients ignore a
    /// cancellation whose sequence is not newer than the copy they hold, and the event would stay in
    /// the person's calendar. A sequence of 0 can never be right and is refused. The event's own
    /// <see cref="CalendarEvent.Status"/> is ignored.
    /// </remarks>
    /// <exception cref="ArgumentException">The sequence is 0.</exception>
    public static string Cancel(CalendarEvent calendarEvent)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        if (calendarEvent.Sequence == 0)
        {
            throw new ArgumentException("A cancellation needs a SEQUENCE higher than the invite it cancels; 0 never is.", nameof(calendarEvent));
        }

        var calendar = NewCalendar(CalendarMethods.Cancel);
        calendar.Events.Add(ToIcal(calendarEvent, CalendarEventStatus.Cancelled, withAttendee: true));
        return Serialize(calendar);
    }

    /// <summary>
    /// A subscribable calendar (METHOD:PUBLISH) named <paramref name="calendarName"/> holding each event
    /// with its own status, so a cancelled booking shows as cancelled rather than silently vanishing.
    /// </summary>
    /// <remarks>
    /// Attendees are left out: a feed belongs to one person and need not repeat their address in every
    /// event. An empty list gives a calendar with no events, which subscribing clients accept.
    /// </remarks>
    public static string Feed(string calendarName, IEnumerable<CalendarEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(calendarName);
        ArgumentNullException.ThrowIfNull(events);

        var calendar = NewCalendar(CalendarMethods.Publish);
        calendar.AddProperty("X-WR-CALNAME", PlainText(calendarName));
        foreach (var calendarEvent in events)
        {
            ArgumentNullException.ThrowIfNull(calendarEvent, nameof(events));
            calendar.Events.Add(ToIcal(calendarEvent, calendarEvent.Status, withAttendee: false));
        }

        return Serialize(calendar);
    }

    private static IcalCalendar NewCalendar(string method) => new()
    {
        ProductId = ProductId,
        Version = "2.0",
        Scale = CalendarScales.Gregorian,
        Method = method,
    };

    private static IcalEvent ToIcal(CalendarEvent e, CalendarEventStatus status, bool withAttendee)
    {
        var result = new IcalEvent
        {
            Uid = e.Uid,
            Sequence = e.Sequence,
            // A CalDateTime made from a DateTimeKind.Utc value is written in UTC form, with Z.
            DtStamp = new CalDateTime(e.DtStampUtc),
            DtStart = new CalDateTime(e.StartUtc),
            DtEnd = new CalDateTime(e.EndUtc),
            Summary = PlainText(e.Summary),
            Organizer = new Organizer("mailto:" + e.OrganizerEmail),
            Status = status switch
            {
                CalendarEventStatus.Confirmed => EventStatus.Confirmed,
                CalendarEventStatus.Tentative => EventStatus.Tentative,
                CalendarEventStatus.Cancelled => EventStatus.Cancelled,
                _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown calendar event status."),
            },
        };

        if (CommonName(e.OrganizerName) is { } organizerName)
        {
            result.Organizer.CommonName = organizerName;
        }

        if (e.LastModifiedUtc is { } lastModified)
        {
            result.LastModified = new CalDateTime(lastModified);
        }

        if (!string.IsNullOrEmpty(e.Description))
        {
            result.Description = PlainText(e.Description);
        }

        if (!string.IsNullOrEmpty(e.Location))
        {
            result.Location = PlainText(e.Location);
        }

        if (e.Url is not null)
        {
            // Ical.Net writes a Uri as its original string; AbsoluteUri has percent-encoded anything
            // (spaces, controls) that could break the line.
            result.Url = new Uri(e.Url.AbsoluteUri);
        }

        if (withAttendee && e.AttendeeEmail is not null)
        {
            // Parameters are written in the order they are set: the name first, as clients show it.
            var attendee = new Attendee("mailto:" + e.AttendeeEmail);
            if (CommonName(e.AttendeeName) is { } attendeeName)
            {
                attendee.CommonName = attendeeName;
            }

            attendee.Role = ParticipationRole.RequiredParticipant;
            attendee.ParticipationStatus = EventParticipationStatus.Accepted;
            attendee.Rsvp = false;
            result.Attendees.Add(attendee);
        }

        return result;
    }

    private static string Serialize(IcalCalendar calendar)
    {
        var text = new CalendarSerializer().SerializeToString(calendar)
                   ?? throw new InvalidOperationException("Ical.Net wrote nothing for the calendar.");

        // Ical.Net 5.2.4 folds by UTF-16 unit, so it can break a line between the two halves of a
        // surrogate pair (an emoji in a description), which no client can join back into the character.
        // Only text outside the Basic Multilingual Plane can meet that; there the lines are folded again.
        return text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? text : Refold(text);
    }

    /// <summary>
    /// Unfolds Ical.Net's output and folds each content line again (RFC 5545 3.1): no physical line longer
    /// than 75 octets of UTF-8, each continuation starting with one space (which counts towards its 75),
    /// and a break only between whole characters.
    /// </summary>
    /// <remarks>
    /// Unfolding by removing every CRLF + space is safe here: a content line never starts with a space,
    /// and TEXT values, names and addresses reach the serializer without raw line breaks.
    /// </remarks>
    private static string Refold(string text)
    {
        var output = new StringBuilder(text.Length + 16);
        foreach (var line in text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var octets = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                var length = rune.Utf8SequenceLength;
                if (octets + length > MaxLineOctets)
                {
                    output.Append("\r\n ");
                    octets = 1;
                }

                output.Append(rune.ToString());
                octets += length;
            }

            output.Append("\r\n");
        }

        return output.ToString();
    }

    /// <summary>
    /// A TEXT value without control characters other than tab and line breaks. Ical.Net escapes
    /// backslashes, semicolons, commas and line breaks but writes other controls as they are, and one
    /// of those could end the content line early; dropping them is safer.
    /// </summary>
    private static string PlainText(string value) =>
        string.Concat(value.Where(c => c is '\t' or '\r' or '\n' || !char.IsControl(c)));

    /// <summary>
    /// A CN parameter value, or null when there is no name: the parameter is then left out (Ical.Net
    /// writes an empty <c>CN=</c> for an organiser whose name is set to null). Double quotes, which a
    /// parameter value cannot hold, are removed before deciding whether a name is left (Ical.Net would
    /// remove them too, and quotes a value that holds <c>: ; ,</c>); controls are not allowed even inside
    /// quotes, so a line break in a name becomes a space.
    /// </summary>
    private static string? CommonName(string? name)
    {
        var text = string.Concat((name ?? "").Where(c => c != '"').Select(c => char.IsControl(c) ? ' ' : c)).Trim();
        return text.Length == 0 ? null : text;
    }
}
