using AngleSharp.Html.Dom;
using LearningHub.Core.Time;
using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// Issue 22, acceptance 1: the reach report for one board and period is computed once and shared for
/// <c>Events:ReachCacheTime</c> (page and CSV alike), says when its figures were computed, and is never shared
/// between periods or boards.
/// </summary>
public sealed class ReachReportSharingTests : IClassFixture<EventsFactory>
{
    private readonly EventsFactory _factory;

    public ReachReportSharingTests(EventsFactory factory) => _factory = factory;

    private static string Period(DateTime from, DateTime to) =>
        $"From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}&To.Day={to.Day}&To.Month={to.Month}&To.Year={to.Year}";

    private static string Bookings(IHtmlDocument page) => page.QuerySelectorAll("#totals .govuk-summary-list__row")
        .Single(r => r.QuerySelector("dt")!.TextContent == "Bookings").QuerySelector("dd")!.TextContent;

    /// <summary>The report's own queries: both read the bookings; the sign-in and permission checks do not.</summary>
    private static List<string> ReportQueries(CommandCounter counter) => counter.Commands.Where(c => c.Contains("\"Bookings\"")).ToList();

    [Fact]
    public async Task The_second_request_within_the_lifetime_runs_no_report_query_and_a_new_booking_shows_after_it()
    {
        await _factory.GrantEventsManageAsync("norfolk");
        await _factory.GrantEventsManageAsync("essex");
        // Far from every other test's events, so the period holds only these.
        var startsIn = TimeSpan.FromDays(600);
        var norfolkEvent = await _factory.CreateEventAsync("norfolk", 10, startsIn: startsIn);
        await _factory.CreateEventAsync("essex", 10, startsIn: startsIn);
        await _factory.BookAsync("norfolk", norfolkEvent, EventsTestData.Person(861));
        var coordinator = _factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var day = DateTime.UtcNow + startsIn;
        var url = $"/norfolk/events/manage/reach?{Period(day.AddDays(-1), day.AddDays(1))}";

        var first = await coordinator.GetDocumentAsync(url);
        Assert.Equal("1", Bookings(first));
        var computedAt = _factory.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal($"Figures as of {LondonTime.Time(computedAt)} on {LondonTime.Date(computedAt)}.",
            first.QuerySelector("#figures-as-of")!.TextContent.Split(". ")[0] + ".");

        // A booking made now does not show until the figures run out; the page and its CSV are served without counting again.
        await _factory.BookAsync("norfolk", norfolkEvent, EventsTestData.Person(862));
        _factory.Clock.Advance(TimeSpan.FromMinutes(4));
        using (var counter = new CommandCounter(_factory.DataPath))
        {
            var again = await coordinator.GetDocumentAsync(url);
            Assert.Equal("1", Bookings(again));
            var csv = await coordinator.GetStringAsync(again.QuerySelector("a#reach-csv")!.GetAttribute("href")!);
            Assert.Contains("By agency,Schools and colleges,1,", csv);
            Assert.True(ReportQueries(counter).Count == 0, string.Join("\n---\n", ReportQueries(counter)));
            Assert.Equal(first.QuerySelector("#figures-as-of")!.TextContent, again.QuerySelector("#figures-as-of")!.TextContent);
        }

        // Another period is its own computation, so it counts the new booking now.
        var wider = await coordinator.GetDocumentAsync($"/norfolk/events/manage/reach?{Period(day.AddDays(-2), day.AddDays(1))}");
        Assert.Equal("2", Bookings(wider));

        // Another board's report for the same period is its own: Essex's event has no bookings.
        var essex = _factory.CreateBrowserClient();
        await essex.SignInAsync("essex", "coordinator@essex.demo");
        Assert.Equal("0", Bookings(await essex.GetDocumentAsync($"/essex/events/manage/reach?{Period(day.AddDays(-1), day.AddDays(1))}")));

        // Past the lifetime (five minutes by default) the figures are counted again, with their new time.
        _factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using (var counter = new CommandCounter(_factory.DataPath))
        {
            var later = await coordinator.GetDocumentAsync(url);
            Assert.Equal("2", Bookings(later));
            Assert.NotEmpty(ReportQueries(counter));
            var recomputedAt = _factory.Clock.GetUtcNow().UtcDateTime;
            Assert.StartsWith($"Figures as of {LondonTime.Time(recomputedAt)} on {LondonTime.Date(recomputedAt)}", later.QuerySelector("#figures-as-of")!.TextContent);
        }
    }

    [Fact]
    public async Task Requests_arriving_together_for_the_same_report_wait_for_one_computation()
    {
        await _factory.GrantEventsManageAsync("norfolk");
        var startsIn = TimeSpan.FromDays(650);
        var eventId = await _factory.CreateEventAsync("norfolk", 10, startsIn: startsIn);
        await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(871));
        var day = DateTime.UtcNow + startsIn;
        var url = $"/norfolk/events/manage/reach?{Period(day.AddDays(-1), day.AddDays(1))}";
        var clients = new List<HttpClient>();
        foreach (var _ in Enumerable.Range(0, 8))
        {
            var client = _factory.CreateBrowserClient();
            await client.SignInAsync("norfolk", "coordinator@norfolk.demo");
            clients.Add(client);
        }

        using var counter = new CommandCounter(_factory.DataPath);
        var pages = await Task.WhenAll(clients.Select(c => c.GetDocumentAsync(url)));

        Assert.All(pages, p => Assert.Equal("1", Bookings(p)));
        // The report reads the bookings in two queries (the tallies, and which sessions had people come): once, not eight times.
        Assert.True(ReportQueries(counter).Count == 2, $"{ReportQueries(counter).Count} report queries:\n" + string.Join("\n---\n", ReportQueries(counter)));
    }
}
