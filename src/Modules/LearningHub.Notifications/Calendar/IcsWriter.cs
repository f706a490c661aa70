using System.Globalization;
using System.Text;

namespace LearningHub.Notifications.Calendar;

/// <summary>
/// Writes RFC 5545 iCalendar text: invites (METHOD:REQUEST) and cancellations (METHOD:CANCEL) to attach
/// to booking mail, and feeds (METHOD:PUBLISH) for a person's private calendar URL.
/// </summary>
/// <remarks>
/// Output uses CRLF line endings, folds content lines at 75 UTF-8 octets without splitting a character,
/// escapes TEXT values and writes every time in UTC (<c>20261121T093000Z</c>), so no VTIMEZONE is needed.
/// Encode the returned string as UTF-8 without a byte order mark and send it as
/// <c>text/calendar; charset=UTF-8; method=REQUEST</c> (or <c>CANCEL</c>, <c>PUBLISH</c>).
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

        var builder = new ContentBuilder();
        BeginCalendar(builder, "REQUEST");
        WriteEvent(builder, calendarEvent, calendarEvent.Status, withAttendee: true);
        builder.Line("END:VCALENDAR");
        return builder.ToString();
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

        var builder = new ContentBuilder();
        BeginCalendar(builder, "CANCEL");
        WriteEvent(builder, calendarEvent, CalendarEventStatus.Cancelled, withAttendee: true);
        builder.Line("END:VCALENDAR");
        return builder.ToString();
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

        var builder = new ContentBuilder();
        BeginCalendar(builder, "PUBLISH");
        builder.Line("X-WR-CALNAME:" + EscapeText(calendarName));
        foreach (var calendarEvent in events)
        {
            ArgumentNullException.ThrowIfNull(calendarEvent, nameof(events));
            WriteEvent(builder, calendarEvent, calendarEvent.Status, withAttendee: false);
        }

        builder.Line("END:VCALENDAR");
        return builder.ToString();
    }

    private static void BeginCalendar(ContentBuilder builder, string method)
    {
        builder.Line("BEGIN:VCALENDAR");
        builder.Line("PRODID:" + ProductId);
        builder.Line("VERSION:2.0");
        builder.Line("CALSCALE:GREGORIAN");
        builder.Line("METHOD:" + method);
    }

    private static void WriteEvent(ContentBuilder builder, CalendarEvent e, CalendarEventStatus status, bool withAttendee)
    {
        builder.Line("BEGIN:VEVENT");
        builder.Line("UID:" + EscapeText(e.Uid));
        builder.Line("SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
        builder.Line("DTSTAMP:" + FormatUtc(e.DtStampUtc));
        if (e.LastModifiedUtc is { } lastModified)
        {
            builder.Line("LAST-MODIFIED:" + FormatUtc(lastModified));
        }

        builder.Line("DTSTART:" + FormatUtc(e.StartUtc));
        builder.Line("DTEND:" + FormatUtc(e.EndUtc));
        builder.Line("SUMMARY:" + EscapeText(e.Summary));
        if (!string.IsNullOrEmpty(e.Description))
        {
            builder.Line("DESCRIPTION:" + EscapeText(e.Description));
        }

        if (!string.IsNullOrEmpty(e.Location))
        {
            builder.Line("LOCATION:" + EscapeText(e.Location));
        }

        if (e.Url is not null)
        {
            // URL is a URI value, not TEXT: it is written as is, and AbsoluteUri has already
            // percent-encoded anything (spaces, controls) that could break the line.
            builder.Line("URL:" + e.Url.AbsoluteUri);
        }

        builder.Line($"ORGANIZER{CommonName(e.OrganizerName)}:mailto:{e.OrganizerEmail}");
        if (withAttendee && e.AttendeeEmail is not null)
        {
            builder.Line($"ATTENDEE{CommonName(e.AttendeeName)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:{e.AttendeeEmail}");
        }

        builder.Line("STATUS:" + StatusText(status));
        builder.Line("END:VEVENT");
    }

    private static string StatusText(CalendarEventStatus status) => status switch
    {
        CalendarEventStatus.Confirmed => "CONFIRMED",
        CalendarEventStatus.Tentative => "TENTATIVE",
        CalendarEventStatus.Cancelled => "CANCELLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown calendar event status."),
    };

    /// <summary>UTC date-time form (RFC 5545 3.3.5, form #2), to the second.</summary>
    internal static string FormatUtc(DateTime utc) =>
        utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Escapes a TEXT value (RFC 5545 3.3.11).</summary>
    internal static string EscapeText(string value)
    {
        var result = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    result.Append(@"\\");
                    break;
                case ';':
                    result.Append(@"\;");
                    break;
                case ',':
                    result.Append(@"\,");
                    break;
                case '\r':
                    // CRLF is one line break, not two.
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    result.Append(@"\n");
                    break;
                case '\n':
                    result.Append(@"\n");
                    break;
                case '\t':
                    result.Append(c);
                    break;
                default:
                    // TEXT allows no other control characters; dropping them is safer than letting one
                    // end the content line early.
                    if (!char.IsControl(c))
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// A CN parameter, with its leading semicolon, or nothing when there is no name. Double quotes
    /// cannot appear in a parameter value at all, so they are removed; the value is quoted when it
    /// holds a character (<c>: ; ,</c>) that would otherwise end it.
    /// </summary>
    internal static string CommonName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var value = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c == '"')
            {
                continue;
            }

            // Controls are not allowed even inside quotes; a line break in a name becomes a space.
            value.Append(char.IsControl(c) ? ' ' : c);
        }

        var text = value.ToString().Trim();
        if (text.Length == 0)
        {
            return "";
        }

        return text.AsSpan().IndexOfAny(":;,") >= 0 ? $";CN=\"{text}\"" : ";CN=" + text;
    }

    /// <summary>
    /// Folds one content line (RFC 5545 3.1): no physical line longer than 75 octets of UTF-8, each
    /// continuation starting with one space (which counts towards its 75), and a break only between
    /// whole characters, so a client never sees half of a multi-byte sequence.
    /// </summary>
    internal static void AppendFolded(StringBuilder output, string line)
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

    /// <summary>Collects content lines, folding each as it is added.</summary>
    private sealed class ContentBuilder
    {
        private readonly StringBuilder _text = new();

        public void Line(string contentLine) => AppendFolded(_text, contentLine);

        public override string ToString() => _text.ToString();
    }
}
