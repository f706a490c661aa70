using LearningHub.Notifications.Calendar;

namespace LearningHub.Tests.Notifications.Calendar;

public sealed class IcsReaderTests
{
    [Fact]
    public void Reads_folded_lines_quoted_parameters_and_nested_components()
    {
        const string text =
            "BEGIN:VCALENDAR\r\n" +
            "METHOD:REQUEST\r\n" +
            "BEGIN:VEVENT\r\n" +
            "UID:abc@example\r\n" +
            "DESCRIPTION:one\\, two\\; thr\r\n" +
            " ee\\nfour\r\n" +
            "\tfive\r\n" +
            "ORGANIZER;CN=\"Smith, Ann: Lead\";ROLE=CHAIR:mailto:ann@example.org\r\n" +
            "BEGIN:VALARM\r\n" +
            "ACTION:DISPLAY\r\n" +
            "END:VALARM\r\n" +
            "END:VEVENT\r\n" +
            "END:VCALENDAR\r\n";

        var calendar = IcsReader.ParseCalendar(text);

        Assert.Equal("REQUEST", calendar.Text("METHOD"));
        var e = Assert.Single(calendar.Events);
        Assert.Equal("one, two; three\nfourfive", e.Text("DESCRIPTION"));
        var organizer = e.Property("organizer")!;
        Assert.Equal("Smith, Ann: Lead", organizer.Parameter("CN"));
        Assert.Equal("CHAIR", organizer.Parameter("role"));
        Assert.Equal("mailto:ann@example.org", organizer.Value);
        Assert.Equal("VALARM", Assert.Single(e.Components).Name);
        Assert.Null(e.Property("LOCATION"));
    }

    [Fact]
    public void Accepts_bare_line_feeds()
    {
        var calendar = IcsReader.ParseCalendar("BEGIN:VCALENDAR\nX-WR-CALNAME:Mine\n  too\nEND:VCALENDAR\n");

        Assert.Equal("Mine too", calendar.Text("X-WR-CALNAME"));
    }

    [Theory]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\nSUMMARY\r\nEND:VCALENDAR\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\n")]
    [InlineData("SUMMARY:outside\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\nORGANIZER;CN=\"unclosed:mailto:a@b\r\nEND:VCALENDAR\r\n")]
    public void Malformed_text_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => IcsReader.Parse(text));
    }

    [Fact]
    public void Times_not_in_utc_form_are_not_read_as_utc()
    {
        var calendar = IcsReader.ParseCalendar("BEGIN:VCALENDAR\r\nDTSTART;TZID=Europe/London:20260701T093000\r\nEND:VCALENDAR\r\n");

        Assert.Throws<FormatException>(() => calendar.Property("DTSTART")!.AsUtcDateTime());
        Assert.Equal("Europe/London", calendar.Property("DTSTART")!.Parameter("TZID"));
    }

    [Theory]
    [InlineData(@"a\\b", @"a\b")]
    [InlineData(@"a\Nb\nc", "a\nb\nc")]
    [InlineData(@"\\n", @"\n")]
    [InlineData(@"trailing\", @"trailing\")]
    public void Unescapes_text(string escaped, string expected)
    {
        Assert.Equal(expected, IcsReader.UnescapeText(escaped));
    }
}
