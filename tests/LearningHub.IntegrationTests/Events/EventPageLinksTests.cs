using System.Net;
using AngleSharp.Html.Dom;
using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// The events pages make their links with asp-page instead of
/// hand-built /{board}/ paths; the links must still be exactly the addresses they were, reference case included.
/// </summary>
public sealed class EventPageLinksTests : IClassFixture<EventsFactory>
{
    private readonly EventsFactory _factory;

    public EventPageLinksTests(EventsFactory factory) => _factory = factory;

    private static List<string> Links(IHtmlDocument page) =>
        page.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task A_practitioners_booking_pages_link_to_the_same_addresses_as_before()
    {
        var eventId = await _factory.CreateEventAsync("norfolk", 5, now: _factory.Clock.GetUtcNow().UtcDateTime);
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var booked = await client.SubmitFormAsync($"/norfolk/events/{eventId}/book/check", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var reference = booked.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0];
        Assert.Equal($"/norfolk/events/bookings/{reference}?booked=true", booked.Headers.Location!.OriginalString);
        Assert.Equal(reference.ToUpperInvariant(), reference);

        var booking = Links(await client.GetDocumentAsync($"/norfolk/events/bookings/{reference}"));
        Assert.Contains("/norfolk/events/my-bookings", booking);
        Assert.Contains($"/norfolk/events/{eventId}", booking);
        Assert.Contains($"/norfolk/events/bookings/{reference}?handler=Calendar", booking);
        Assert.Contains($"/norfolk/events/bookings/{reference}/cancel", booking);

        var cancel = Links(await client.GetDocumentAsync($"/norfolk/events/bookings/{reference}/cancel"));
        Assert.Contains($"/norfolk/events/bookings/{reference}", cancel);

        var details = Links(await client.GetDocumentAsync($"/norfolk/events/{eventId}"));
        Assert.Contains("/norfolk/events", details);
        Assert.Contains($"/norfolk/events/bookings/{reference}", details);

        var myBookings = await client.GetDocumentAsync("/norfolk/events/my-bookings");
        // The booking is reached by the event's title, the words people look for, as well as by its reference.
        Assert.Equal($"/norfolk/events/bookings/{reference}", myBookings.QuerySelectorAll("a").Single(a => a.TextContent == "Learning from Case Y").GetAttribute("href"));
        var mine = Links(myBookings);
        Assert.Contains($"/norfolk/events/bookings/{reference}", mine);
        Assert.Contains("/norfolk/account/calendar", mine);
    }

    [Fact]
    public async Task A_coordinators_event_page_links_to_the_same_addresses_as_before()
    {
        await _factory.GrantEventsManageAsync("norfolk");
        var eventId = await _factory.CreateEventAsync("norfolk", 5, now: _factory.Clock.GetUtcNow().UtcDateTime);
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "coordinator@norfolk.demo");

        var manage = Links(await client.GetDocumentAsync($"/norfolk/events/manage/{eventId}"));
        Assert.Contains("/norfolk/events/manage", manage);
        Assert.Contains($"/norfolk/events/manage/edit/{eventId}", manage);
        Assert.Contains($"/norfolk/events/manage/{eventId}/register", manage);
        Assert.Contains($"/norfolk/events/manage/{eventId}/cover", manage);
        Assert.Contains($"/norfolk/events/manage/{eventId}?handler=Export", manage);

        var list = Links(await client.GetDocumentAsync("/norfolk/events/manage"));
        Assert.Contains("/norfolk/events/manage/edit", list);
        Assert.Contains("/norfolk/events/manage/roadshows/edit", list);
        Assert.Contains("/norfolk/events/manage/reach", list);
        Assert.Contains($"/norfolk/events/manage/{eventId}", list);

        var register = Links(await client.GetDocumentAsync($"/norfolk/events/manage/{eventId}/register"));
        Assert.Contains($"/norfolk/events/manage/{eventId}", register);
    }
}
