using System.Net;
using LearningHub.Events.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Events;

/// <summary>The coordinator's pages: create with errors kept, publish, register with a walk-in, CSV export; practitioners kept out.</summary>
public sealed class CoordinatorPagesTests : IClassFixture<EventsFactory>
{
    private readonly EventsFactory _factory;

    public CoordinatorPagesTests(EventsFactory factory) => _factory = factory;

    [Fact]
    public async Task Answers_to_the_booking_question_are_on_the_event_page_the_register_and_the_CSV()
    {
        const string question = "Do you have any access needs?";
        await _factory.GrantEventsManageAsync("norfolk");
        var eventId = await _factory.CreateEventAsync("norfolk", 10, d => d with { BookingQuestion = question });
        await _factory.WithBoardServicesAsync("norfolk", s => s.GetRequiredService<LearningHub.Events.Services.BookingService>()
            .BookAsync(eventId, EventsTestData.Person(731), "=A ramp, please", null));
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "coordinator@norfolk.demo");

        var manage = await client.GetDocumentAsync($"/norfolk/events/manage/{eventId}");
        Assert.Contains(question, manage.QuerySelector("#places thead")!.TextContent);
        Assert.Equal("=A ramp, please", manage.QuerySelector("#places .booking-answer")!.TextContent);

        var register = await client.GetDocumentAsync($"/norfolk/events/manage/{eventId}/register");
        Assert.Contains(question, register.QuerySelector("#register thead")!.TextContent);
        Assert.Equal("=A ramp, please", register.QuerySelector("#register .booking-answer")!.TextContent);

        var csv = await (await client.GetAsync($"/norfolk/events/manage/{eventId}?handler=Export")).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(question, lines[0]);
        // The answer is the person's own text: escaped so a spreadsheet does not run it as a formula.
        Assert.EndsWith("'=A ramp, please\"", lines[1]);
    }

    [Fact]
    public async Task The_reach_CSV_has_every_table_of_the_page_for_the_same_period_escaped_against_formulas()
    {
        await _factory.GrantEventsManageAsync("norfolk");
        var eventId = await _factory.CreateEventAsync("norfolk", 10, startsIn: TimeSpan.FromDays(400));
        await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(741) with { AgencyName = "=HYPERLINK(\"x\")" });
        await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(742));
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "coordinator@norfolk.demo");

        var from = DateTime.UtcNow.AddDays(399);
        var to = DateTime.UtcNow.AddDays(401);
        var page = await client.GetDocumentAsync($"/norfolk/events/manage/reach?From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}&To.Day={to.Day}&To.Month={to.Month}&To.Year={to.Year}");
        var link = page.QuerySelector("a#reach-csv")!.GetAttribute("href")!;
        var response = await client.GetAsync(link);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // The page's tables, a line per row: the table's caption, then its cells as shown.
        var tables = page.QuerySelectorAll("table[data-lh-chart]").ToList();
        Assert.Equal(4, tables.Count);
        var shown = tables.SelectMany(t => t.QuerySelectorAll("tbody tr").Select(r =>
            new[] { t.QuerySelector("caption")!.TextContent }.Concat(r.Children.Select(c => c.TextContent)).ToList())).ToList();
        Assert.Equal(2 + 1 + 1 + 1, shown.Count); // two agencies; one sector, locality and theme
        Assert.Equal("Table,Group," + string.Join(",", page.QuerySelector("#by-agency thead tr")!.Children.Skip(1).Select(c => c.TextContent)), lines[0]);
        // The person's own text is escaped: a spreadsheet shows it, never runs it.
        Assert.Contains("By agency,\"'=HYPERLINK(\"\"x\"\")\",1,0,0,–,0,0,0", lines);
        Assert.Equal(shown.Select(cells => string.Join(",", cells.Select(c => c.StartsWith('=') ? $"\"'{c.Replace("\"", "\"\"")}\"" : c))), lines.Skip(1));
    }

    [Fact]
    public async Task The_reach_report_counts_a_session_under_way_with_people_marked_as_held_shows_partly_attended_and_puts_charts_under_headings()
    {
        await _factory.GrantEventsManageAsync("norfolk");
        // Started an hour ago and ends in two: its end is not past, but people are marked as having come.
        var eventId = await _factory.CreateEventAsync("norfolk", 10, startsIn: TimeSpan.FromHours(-1));
        await _factory.WithBoardAsync("norfolk", db =>
        {
            foreach (var (n, mark) in new[] { (751, AttendanceMark.Attended), (752, AttendanceMark.PartlyAttended), (753, AttendanceMark.NoShow) })
            {
                var person = EventsTestData.Person(n);
                db.Add(new Booking
                {
                    EventId = eventId,
                    Reference = BookingReference.New("NSCB"),
                    UserId = person.UserId,
                    ActiveUserId = person.UserId,
                    FullName = person.FullName,
                    Email = person.Email,
                    AgencyName = person.AgencyName,
                    Sector = person.Sector,
                    LocalityName = person.LocalityName,
                    Status = BookingStatus.Confirmed,
                    Attendance = mark,
                    CreatedUtc = DateTime.UtcNow.AddDays(-3),
                    ConfirmedUtc = DateTime.UtcNow.AddDays(-3),
                });
            }

            return db.SaveChangesAsync();
        });

        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var (from, to) = (DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(1));
        var page = await client.GetDocumentAsync($"/norfolk/events/manage/reach?From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}&To.Day={to.Day}&To.Month={to.Month}&To.Year={to.Year}");

        string Total(string key) => page.QuerySelectorAll("#totals .govuk-summary-list__row")
            .Single(r => r.QuerySelector("dt")!.TextContent == key).QuerySelector("dd")!.TextContent;
        Assert.Equal("1", Total("Sessions held"));
        Assert.Equal("2 (attendance rate 67%, counting partly attended)", Total("Attended (in full or in part)"));
        Assert.Equal("1", Total("Partly attended"));
        Assert.Contains("Partly attended", page.QuerySelector("#by-agency thead")!.TextContent);
        // Each table follows its own heading, so the chart drawn before the table sits under the heading.
        Assert.Equal("By agency", page.QuerySelector("#by-agency")!.PreviousElementSibling is { LocalName: "h2" } heading ? heading.TextContent : null);
    }

    [Fact]
    public async Task A_coordinator_creates_publishes_registers_a_walk_in_and_exports_the_bookings()
    {
        await _factory.GrantEventsManageAsync("norfolk");
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "coordinator@norfolk.demo");

        var invalid = await client.SubmitFormAsync("/norfolk/events/manage/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "Neglect briefing",
            ["Input.Format"] = "InPerson",
            ["Input.Date.Day"] = "31",
            ["Input.Date.Month"] = "2",
            ["Input.Date.Year"] = "2027",
            ["Input.StartTime.Hour"] = "9",
        });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var page = await invalid.ParseAsync();
        // GOV.UK date input errors: the message, linked to the box to correct, with what was typed kept.
        Assert.Equal("The date of the event must be a real date", page.QuerySelector(".govuk-error-summary a[href='#Input_Date']")!.TextContent);
        Assert.Equal("31", page.QuerySelector("#Input_Date")!.GetAttribute("value"));
        Assert.Equal("2", page.QuerySelector("[name='Input.Date.Month']")!.GetAttribute("value"));
        Assert.Equal("2027", page.QuerySelector("[name='Input.Date.Year']")!.GetAttribute("value"));
        Assert.Equal("The start time must include a minute", page.QuerySelector(".govuk-error-summary a[href='#Input_StartTime']")!.TextContent);
        Assert.Equal("Input_StartTime", page.QuerySelector("[name='Input.StartTime.Minute']")!.GetAttribute("id"));
        Assert.Contains("govuk-input--error", page.QuerySelector("[name='Input.StartTime.Minute']")!.ClassName);
        Assert.DoesNotContain("govuk-input--error", page.QuerySelector("[name='Input.StartTime.Hour']")!.ClassName);
        Assert.Equal("9", page.QuerySelector("[name='Input.StartTime.Hour']")!.GetAttribute("value"));
        Assert.Equal("Neglect briefing", page.QuerySelector("#Input_Title")!.GetAttribute("value"));

        var date = DateTime.UtcNow.AddDays(30);
        var created = await client.SubmitFormAsync("/norfolk/events/manage/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "Neglect briefing",
            ["Input.Summary"] = "Learning from neglect reviews.",
            ["Input.Format"] = "InPerson",
            ["Input.Venue"] = "County Hall, Norwich",
            ["Input.Date.Day"] = $"{date.Day}",
            ["Input.Date.Month"] = $"{date.Month}",
            ["Input.Date.Year"] = $"{date.Year}",
            ["Input.StartTime.Hour"] = "09",
            ["Input.StartTime.Minute"] = "30",
            ["Input.EndTime.Hour"] = "12",
            ["Input.EndTime.Minute"] = "00",
            ["Input.Capacity"] = "12",
            ["Input.WaitingListEnabled"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var manage = created.Headers.Location!.OriginalString;
        var eventId = Guid.Parse(manage.Split('/').Last());

        var published = await client.SubmitFormAsync(manage, new Dictionary<string, string>(), $"{manage}?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(EventStatus.Published, await _factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().Where(e => e.Id == eventId).Select(e => e.Status).SingleAsync()));
        await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(701));

        var walkIn = await client.SubmitFormAsync($"{manage}/register", new Dictionary<string, string>
        {
            ["WalkIn.FullName"] = "Wendy Walk-in",
            ["WalkIn.Email"] = "wendy@health.example",
            ["WalkIn.AgencyId"] = await _factory.WithBoardAsync("norfolk", db => db.Agencies.Where(a => a.Name == "GP practices").Select(a => a.Id.ToString()).SingleAsync()),
            ["WalkIn.LocalityId"] = await _factory.WithBoardAsync("norfolk", db => db.Localities.OrderBy(l => l.SortOrder).Select(l => l.Id.ToString()).FirstAsync()),
        }, $"{manage}/register?handler=WalkIn");
        Assert.True(walkIn.StatusCode == HttpStatusCode.Redirect, $"{walkIn.StatusCode}: {(await walkIn.ParseAsync()).QuerySelector(".govuk-error-summary")?.TextContent}");
        var register = await client.GetDocumentAsync($"{manage}/register");
        Assert.Contains("Wendy Walk-in", register.QuerySelector("#register")!.TextContent);

        var person = await _factory.WithBoardAsync("norfolk", db => db.Set<Booking>().SingleAsync(b => b.EventId == eventId && b.FullName == "Person 701"));
        var marked = await client.SubmitFormAsync($"{manage}/register", new Dictionary<string, string>
        {
            [$"Marks[{person.Id}]"] = "NoShow",
        }, $"{manage}/register?handler=Marks");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal(AttendanceMark.NoShow, (await _factory.BookingAsync("norfolk", person.Reference)).Attendance);

        var today = DateTime.UtcNow;
        var end = DateTime.UtcNow.AddDays(60);
        var reach = await client.GetDocumentAsync($"/norfolk/events/manage/reach?From.Day={today.Day}&From.Month={today.Month}&From.Year={today.Year}&To.Day={end.Day}&To.Month={end.Month}&To.Year={end.Year}");
        var byAgency = reach.QuerySelector("#by-agency")!.TextContent;
        Assert.Contains("Schools and colleges", byAgency);
        Assert.Contains("GP practices", byAgency);
        Assert.Contains("Education", reach.QuerySelector("#by-sector")!.TextContent);
        // The walk-in was recorded from the board's lists: their agency's sector and their locality, not "not given".
        Assert.Contains("Health", reach.QuerySelector("#by-sector")!.TextContent);
        Assert.DoesNotContain("not given", reach.QuerySelector("#by-sector")!.TextContent + reach.QuerySelector("#by-locality")!.TextContent);
        var badPeriod = await client.GetDocumentAsync("/norfolk/events/manage/reach?From.Day=yesterday&From.Month=1&From.Year=2026");
        Assert.Equal("The start of the period must be a real date", badPeriod.QuerySelector(".govuk-error-summary a[href='#From']")!.TextContent);
        Assert.Equal("yesterday", badPeriod.QuerySelector("#From")!.GetAttribute("value"));

        var csv = await client.GetAsync($"{manage}?handler=Export");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Name", text);
        Assert.Contains("Person 701", text);
        Assert.Contains("Wendy Walk-in", text);
        Assert.Contains("Walk-in", text);
        Assert.Equal(3, text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length);
    }

    [Fact]
    public async Task A_coordinator_creates_a_roadshow_and_a_session_in_it()
    {
        await _factory.GrantEventsManageAsync("norfolk");
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var blank = await client.SubmitFormAsync("/norfolk/events/manage/roadshows/edit", new Dictionary<string, string> { ["Input.Status"] = "Published" });
        Assert.NotNull((await blank.ParseAsync()).QuerySelector(".govuk-error-summary a[href='#Input_Title']"));

        var created = await client.SubmitFormAsync("/norfolk/events/manage/roadshows/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "Summer roadshow",
            ["Input.Summary"] = "Case R across the county.",
            ["Input.Status"] = "Published",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var roadshowId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var eventId = await _factory.CreateEventAsync("norfolk", 15, d => d with { RoadshowId = roadshowId, Title = "Summer roadshow: Norwich" });
        await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(901));

        var practitioner = _factory.CreateBrowserClient();
        var page = await practitioner.GetDocumentAsync($"/norfolk/events/roadshows/{roadshowId}");
        Assert.Contains("14 places left", page.QuerySelector("table")!.TextContent);
    }

    [Fact]
    public async Task A_practitioner_cannot_open_the_coordinator_pages()
    {
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/norfolk/events/manage")).StatusCode);
    }
}
