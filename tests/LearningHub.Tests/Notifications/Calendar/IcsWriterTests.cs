using System.Text;
using Ical.Net.DataTypes;
using LearningHub.Notifications.Calendar;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace LearningHub.Tests.Notifications.Calendar;

public sealed class IcsWriterTests
{
    private const string Uid = "booking-NSCB-7Q4K2@learninghub";
    private static readonly DateTime Start = new(2026, 11, 21, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Stamp = new(2026, 10, 1, 14, 5, 7, DateTimeKind.Utc);

    private static CalendarEvent Booking(int sequence = 0) =>
        new(Uid, sequence, Start, End, "Neglect: recognising the signs", "Norfolk Safeguarding Children Board", "events@norfolk.example", Stamp)
        {
            Description = "Bring your lanyard.",
            Location = "County Hall, Norwich",
            Url = new Uri("https://learninghub.example/norfolk/bookings/NSCB-7Q4K2"),
            AttendeeName = "Ann Smith",
            AttendeeEmail = "ann@example.org",
        };

    /// <summary>The file read back by Ical.Net, which must find exactly one calendar holding one event.</summary>
    private static IcalEvent SingleEvent(string ics, out IcalCalendar calendar)
    {
        calendar = Load(ics);
        return Assert.Single(calendar.Events);
    }

    private static IcalCalendar Load(string ics)
    {
        var calendar = IcalCalendar.Load(ics);
        Assert.NotNull(calendar);
        return calendar;
    }

    /// <summary>A DATE-TIME that must be in UTC form (<c>...Z</c>), not floating or with a TZID.</summary>
    private static DateTime Utc(CalDateTime? value)
    {
        Assert.NotNull(value);
        Assert.True(value.IsUtc, $"{value} is not a UTC time");
        return value.AsUtc;
    }

    [Fact]
    public void Invite_round_trips_through_the_reader()
    {
        var ics = IcsWriter.Invite(Booking(sequence: 2));

        var e = SingleEvent(ics, out var calendar);

        Assert.Equal("-//LearningHub//LearningHub//EN", calendar.ProductId);
        Assert.Equal("2.0", calendar.Version);
        Assert.Equal("GREGORIAN", calendar.Scale);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(Uid, e.Uid);
        Assert.Equal(2, e.Sequence);
        Assert.Equal(Stamp, Utc(e.DtStamp));
        Assert.Equal(Start, Utc(e.DtStart));
        Assert.Equal(End, Utc(e.DtEnd));
        Assert.Equal(DateTimeKind.Utc, Utc(e.DtStart).Kind);
        Assert.Equal("Neglect: recognising the signs", e.Summary);
        Assert.Equal("Bring your lanyard.", e.Description);
        Assert.Equal("County Hall, Norwich", e.Location);
        Assert.Equal("https://learninghub.example/norfolk/bookings/NSCB-7Q4K2", e.Url?.OriginalString);
        Assert.Equal("CONFIRMED", e.Status);

        var organizer = e.Organizer!;
        Assert.Equal("mailto:events@norfolk.example", organizer.Value?.OriginalString);
        Assert.Equal("Norfolk Safeguarding Children Board", organizer.CommonName);

        var attendee = Assert.Single(e.Attendees);
        Assert.Equal("mailto:ann@example.org", attendee.Value?.OriginalString);
        Assert.Equal("Ann Smith", attendee.CommonName);
        Assert.Equal("REQ-PARTICIPANT", attendee.Role);
        Assert.Equal("ACCEPTED", attendee.ParticipationStatus);
        Assert.False(attendee.Rsvp);
    }

    [Fact]
    public void Invite_has_the_calendar_header_and_one_event_in_order()
    {
        var ics = IcsWriter.Invite(Booking());

        // Ical.Net writes a component's properties in name order.
        Assert.StartsWith("BEGIN:VCALENDAR\r\nCALSCALE:GREGORIAN\r\nMETHOD:REQUEST\r\nPRODID:-//LearningHub//LearningHub//EN\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTAMP:20261001T140507Z\r\n", ics, StringComparison.Ordinal);
        // Longer than 75 octets, so it is folded in the file.
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("\r\nATTENDEE;CN=Ann Smith;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:ann@example.org\r\n", unfolded, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\nATTENDEE;CN=Ann Smith;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:ann@example.org\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Invite_without_attendee_or_optional_text_leaves_those_lines_out()
    {
        var bare = new CalendarEvent(Uid, 0, Start, End, "Neglect", "Board", "events@norfolk.example", Stamp);

        var ics = IcsWriter.Invite(bare);

        Assert.DoesNotContain("ATTENDEE", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("DESCRIPTION", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("LOCATION", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("URL", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nORGANIZER;CN=Board:mailto:events@norfolk.example\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_non_ascii_lines_fold_at_75_octets_with_crlf_and_unfold_to_the_original()
    {
        var description = string.Concat(Enumerable.Repeat("Łukasz Żółć przyjdzie o 9:30 😀 ", 12));
        var longName = string.Concat(Enumerable.Repeat("Żółć ", 30));
        var ics = IcsWriter.Invite(Booking() with { Description = description, AttendeeName = longName });

        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        var lines = ics[..^2].Split("\r\n");
        Assert.All(lines, line =>
        {
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);
            Assert.InRange(Encoding.UTF8.GetByteCount(line), 1, 75);
            // A split surrogate pair or a lone half would show up here as invalid UTF-16.
            Assert.False(char.IsLowSurrogate(line[0]));
            Assert.False(char.IsHighSurrogate(line[^1]));
        });

        // Folding happened, and the longest physical lines are full: folding does not waste space.
        var continuations = lines.Where(l => l.StartsWith(' ')).ToList();
        Assert.True(continuations.Count > 10, $"expected many continuation lines, got {continuations.Count}");
        Assert.Contains(lines, l => Encoding.UTF8.GetByteCount(l) >= 72);

        // Every octet boundary between physical lines falls between whole UTF-8 characters.
        var bytes = Encoding.UTF8.GetBytes(ics);
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var position = 0;
        foreach (var line in lines)
        {
            var length = Encoding.UTF8.GetByteCount(line);
            Assert.Equal(line, decoder.GetString(bytes, position, length));
            position += length + 2;
        }

        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("\r\nDESCRIPTION:" + description.Replace(",", "\\,", StringComparison.Ordinal) + "\r\n", unfolded, StringComparison.Ordinal);

        var e = SingleEvent(ics, out _);
        Assert.Equal(description, e.Description);
        Assert.Equal(longName.Trim(), Assert.Single(e.Attendees).CommonName);
    }

    [Fact]
    public void A_line_of_exactly_75_octets_is_not_folded_and_76_is()
    {
        // "SUMMARY:" is 8 octets, so 67 more make 75. Ical.Net writes properties in name order, so UID follows.
        var exact = PhysicalLines(IcsWriter.Invite(Booking() with { Summary = new string('a', 67) }));
        var over = PhysicalLines(IcsWriter.Invite(Booking() with { Summary = new string('a', 68) }));

        var i = Array.FindIndex(exact, l => l.StartsWith("SUMMARY:", StringComparison.Ordinal));
        Assert.Equal(75, Encoding.UTF8.GetByteCount(exact[i]));
        Assert.StartsWith("UID:", exact[i + 1], StringComparison.Ordinal);

        var j = Array.FindIndex(over, l => l.StartsWith("SUMMARY:", StringComparison.Ordinal));
        Assert.Equal("SUMMARY:" + new string('a', 67), over[j]);
        Assert.Equal(" a", over[j + 1]);
    }

    [Fact]
    public void A_multi_byte_character_that_would_cross_the_limit_moves_whole_to_the_next_line()
    {
        // 8 + 66 = 74 octets, and "Ł" is 2 octets: it cannot fit, so the line stops at 74.
        var lines = PhysicalLines(IcsWriter.Invite(Booking() with { Summary = new string('a', 66) + "Łb" }));

        var i = Array.FindIndex(lines, l => l.StartsWith("SUMMARY:", StringComparison.Ordinal));
        Assert.Equal("SUMMARY:" + new string('a', 66), lines[i]);
        Assert.Equal(" Łb", lines[i + 1]);
    }

    private static string[] PhysicalLines(string ics) => ics.Split("\r\n");

    [Fact]
    public void Text_escapes_backslash_semicolon_comma_and_newlines()
    {
        const string tricky = "Room 3; bring pens, paper\\notes\r\nSecond line\nThird\rFourth";
        var ics = IcsWriter.Invite(Booking() with { Description = tricky, Summary = "A, B; C\\D" });

        Assert.Contains("\r\nDESCRIPTION:Room 3\\; bring pens\\, paper\\\\notes\\nSecond line\\nThird\\nFourth\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nSUMMARY:A\\, B\\; C\\\\D\r\n", ics, StringComparison.Ordinal);

        var e = SingleEvent(ics, out _);
        Assert.Equal("Room 3; bring pens, paper\\notes\nSecond line\nThird\nFourth", e.Description);
        Assert.Equal("A, B; C\\D", e.Summary);
    }

    [Fact]
    public void Control_characters_cannot_break_out_of_a_text_value()
    {
        var ics = IcsWriter.Invite(Booking() with { Location = "Hall\u0007\u0000 A\r\nBEGIN:VALARM" });

        Assert.Contains("\r\nLOCATION:Hall A\\nBEGIN:VALARM\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain(ics, c => char.IsControl(c) && c is not '\r' and not '\n');
        Assert.Empty(SingleEvent(ics, out _).Children);
    }

    [Fact]
    public void Names_with_separators_are_quoted_and_lose_double_quotes()
    {
        var ics = IcsWriter.Invite(Booking() with
        {
            OrganizerName = "Smith, \"Ann\"; Norfolk: Events",
            AttendeeName = "Bob \"The\" Builder",
        });

        Assert.Contains("\r\nORGANIZER;CN=\"Smith, Ann; Norfolk: Events\":mailto:events@norfolk.example\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nATTENDEE;CN=Bob The Builder;ROLE=", ics, StringComparison.Ordinal);

        var e = SingleEvent(ics, out _);
        Assert.Equal("Smith, Ann; Norfolk: Events", e.Organizer!.CommonName);
        Assert.Equal("mailto:events@norfolk.example", e.Organizer.Value?.OriginalString);
    }

    [Fact]
    public void Times_are_written_in_utc_form_to_the_second()
    {
        var start = new DateTime(2026, 11, 21, 9, 30, 0, DateTimeKind.Utc).AddTicks(1234567);
        var e = new CalendarEvent(Uid, 0, start, End, "Neglect", "Board", "events@norfolk.example", Stamp)
        {
            LastModifiedUtc = new DateTime(2026, 9, 30, 23, 59, 59, DateTimeKind.Utc),
        };

        var ics = IcsWriter.Invite(e);

        Assert.Contains("\r\nDTSTART:20261121T093000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND:20261121T120000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTAMP:20261001T140507Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nLAST-MODIFIED:20260930T235959Z\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void A_summer_time_london_start_converted_by_the_caller_is_written_an_hour_earlier_in_utc()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var localStart = new DateTime(2026, 7, 1, 9, 30, 0, DateTimeKind.Unspecified);
        var startUtc = TimeZoneInfo.ConvertTimeToUtc(localStart, london);
        var endUtc = TimeZoneInfo.ConvertTimeToUtc(localStart.AddHours(2), london);

        var ics = IcsWriter.Invite(new CalendarEvent(Uid, 0, startUtc, endUtc, "Summer session", "Board", "events@norfolk.example", Stamp));

        Assert.Contains("\r\nDTSTART:20260701T083000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND:20260701T103000Z\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancel_keeps_the_uid_and_says_cancel_and_cancelled()
    {
        var invite = SingleEvent(IcsWriter.Invite(Booking(sequence: 0)), out _);

        var ics = IcsWriter.Cancel(Booking(sequence: 1));

        var cancelled = SingleEvent(ics, out var calendar);
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(invite.Uid, cancelled.Uid);
        Assert.True(cancelled.Sequence > invite.Sequence);
        Assert.Equal("mailto:events@norfolk.example", cancelled.Organizer?.Value?.OriginalString);
        Assert.Equal("mailto:ann@example.org", Assert.Single(cancelled.Attendees).Value?.OriginalString);
        Assert.Equal(Stamp, Utc(cancelled.DtStamp));
        Assert.DoesNotContain("METHOD:REQUEST", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("STATUS:CONFIRMED", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancel_with_sequence_zero_is_refused()
    {
        Assert.Throws<ArgumentException>(() => IcsWriter.Cancel(Booking(sequence: 0)));
    }

    [Fact]
    public void Invite_for_a_cancelled_event_is_refused()
    {
        Assert.Throws<ArgumentException>(() => IcsWriter.Invite(Booking() with { Status = CalendarEventStatus.Cancelled }));
    }

    [Theory]
    [InlineData(DateTimeKind.Local)]
    [InlineData(DateTimeKind.Unspecified)]
    public void Non_utc_times_are_refused(DateTimeKind kind)
    {
        var start = DateTime.SpecifyKind(Start, kind);
        var end = DateTime.SpecifyKind(End, kind);
        var stamp = DateTime.SpecifyKind(Stamp, kind);

        Assert.Throws<ArgumentException>("startUtc", () => new CalendarEvent(Uid, 0, start, End, "S", "B", "b@example.org", Stamp));
        Assert.Throws<ArgumentException>("endUtc", () => new CalendarEvent(Uid, 0, Start, end, "S", "B", "b@example.org", Stamp));
        Assert.Throws<ArgumentException>("DtStampUtc", () => new CalendarEvent(Uid, 0, Start, End, "S", "B", "b@example.org", stamp));
        Assert.Throws<ArgumentException>("LastModifiedUtc", () => Booking() with { LastModifiedUtc = stamp });
    }

    [Fact]
    public void An_end_not_after_the_start_is_refused()
    {
        Assert.Throws<ArgumentException>("endUtc", () => new CalendarEvent(Uid, 0, Start, Start, "S", "B", "b@example.org", Stamp));
        Assert.Throws<ArgumentException>("endUtc", () => new CalendarEvent(Uid, 0, End, Start, "S", "B", "b@example.org", Stamp));
        // Sub-second differences vanish in the file, so they count as no duration at all.
        Assert.Throws<ArgumentException>("endUtc", () => new CalendarEvent(Uid, 0, Start, Start.AddMilliseconds(500), "S", "B", "b@example.org", Stamp));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("ann@example.org\r\nATTENDEE:mailto:eve@example.org")]
    [InlineData("ann smith@example.org")]
    public void Unsafe_email_addresses_are_refused(string email)
    {
        Assert.Throws<ArgumentException>(() => Booking() with { AttendeeEmail = email });
        Assert.Throws<ArgumentException>(() => Booking() with { OrganizerEmail = email });
    }

    [Fact]
    public void Feed_publishes_every_event_with_its_status_and_no_attendee()
    {
        var second = new CalendarEvent("booking-NSCB-9ZZ11@learninghub", 3, Start.AddDays(7), End.AddDays(7), "Online: Prevent", "Board", "events@norfolk.example", Stamp)
        {
            Status = CalendarEventStatus.Cancelled,
            AttendeeEmail = "ann@example.org",
        };

        var ics = IcsWriter.Feed("Ann's bookings, Norfolk", [Booking(), second]);

        var calendar = Load(ics);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("Ann's bookings, Norfolk", calendar.Properties["X-WR-CALNAME"]?.Value);
        Assert.Contains("\r\nX-WR-CALNAME:Ann's bookings\\, Norfolk\r\n", ics, StringComparison.Ordinal);
        var events = calendar.Events.ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal([Uid, "booking-NSCB-9ZZ11@learninghub"], events.Select(e => e.Uid));
        Assert.Equal(["CONFIRMED", "CANCELLED"], events.Select(e => e.Status));
        Assert.Equal(new DateTime(2026, 11, 28, 9, 30, 0, DateTimeKind.Utc), Utc(events[1].DtStart));
        Assert.All(events, e => Assert.Equal(Stamp, Utc(e.DtStamp)));
        Assert.DoesNotContain("ATTENDEE", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_feed_is_still_a_calendar()
    {
        var calendar = Load(IcsWriter.Feed("Nothing booked", []));

        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Empty(calendar.Events);
    }
}
