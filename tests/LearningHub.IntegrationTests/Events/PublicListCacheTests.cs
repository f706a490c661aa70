using Microsoft.Extensions.DependencyInjection;
using LearningHub.Events.Services;
using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Events;

/// <summary>The signed-out events list is served from the output cache; a signed-in person's page never is.</summary>
public sealed class PublicListCacheTests : IClassFixture<PublicListCacheTests.LongCacheFactory>
{
    /// <summary>A cache time long enough that a slow machine cannot let an entry run out mid-test.</summary>
    public sealed class LongCacheFactory : EventsFactory
    {
        protected override IReadOnlyDictionary<string, string?> EventSettings => new Dictionary<string, string?>
        {
            ["Events:PublicListCacheTime"] = "00:05:00",
        };
    }

    private readonly LongCacheFactory _factory;

    public PublicListCacheTests(LongCacheFactory factory) => _factory = factory;

    [Fact]
    public async Task The_signed_out_list_is_cached_per_filter_and_the_signed_in_list_is_not()
    {
        var visitor = _factory.CreateBrowserClient();
        var first = await visitor.GetAsync("/norfolk/events");
        first.EnsureSuccessStatusCode();
        Assert.False(first.Headers.Contains("Age"));
        Assert.False(first.Headers.Contains("Set-Cookie"));

        var title = $"Cached list check {Guid.NewGuid():N}";
        await _factory.CreateEventAsync("norfolk", 10, d => d with { Title = title });

        // Served from the cache: the new event is not there yet, and the response says how old it is.
        var second = await visitor.GetAsync("/norfolk/events");
        Assert.True(second.Headers.Contains("Age"));
        Assert.DoesNotContain(title, await second.Content.ReadAsStringAsync());

        // Each filter has its own copy; query values the page does not read share the unfiltered one.
        var filtered = await visitor.GetAsync("/norfolk/events?Filter.When=4w");
        Assert.False(filtered.Headers.Contains("Age"));
        var bySector = await visitor.GetAsync("/norfolk/events?Filter.Sector=Health");
        Assert.False(bySector.Headers.Contains("Age"));
        var junk = await visitor.GetAsync("/norfolk/events?utm_source=mail");
        Assert.True(junk.Headers.Contains("Age"));

        // Another board's list is its own entry.
        var essex = await visitor.GetAsync("/essex/events");
        Assert.False(essex.Headers.Contains("Age"));

        var practitioner = _factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var signedIn = await practitioner.GetAsync("/norfolk/events");
            signedIn.EnsureSuccessStatusCode();
            Assert.False(signedIn.Headers.Contains("Age"));
            Assert.Contains("Sign out", await signedIn.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_cached_list_says_Full_as_soon_as_the_last_place_is_taken()
    {
        var title = $"Last place {Guid.NewGuid():N}";
        var eventId = await _factory.CreateEventAsync("norfolk", 1, d => d with { Title = title, WaitingListEnabled = false }, startsIn: TimeSpan.FromDays(300));
        await NewEventsListedAsync();
        var visitor = _factory.CreateBrowserClient();
        Assert.Equal("1 place left", await PlacesAsync(visitor, title));
        Assert.True((await visitor.GetAsync("/norfolk/events")).Headers.Contains("Age"));

        Assert.Equal(BookingOutcome.Confirmed, (await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(901))).Outcome);

        Assert.Equal("Full", await PlacesAsync(visitor, title));
    }

    [Fact]
    public async Task A_session_that_has_started_or_whose_booking_has_closed_shows_no_places()
    {
        var started = $"Started {Guid.NewGuid():N}";
        await _factory.CreateEventAsync("norfolk", 10, d => d with { Title = started }, startsIn: TimeSpan.FromHours(-1), now: _factory.Clock.GetUtcNow().UtcDateTime);
        var soon = $"Starting soon {Guid.NewGuid():N}";
        await _factory.CreateEventAsync("norfolk", 10, d => d with { Title = soon }, startsIn: TimeSpan.FromMinutes(30), now: _factory.Clock.GetUtcNow().UtcDateTime);
        var closed = $"Booking closed {Guid.NewGuid():N}";
        await _factory.CreateEventAsync("norfolk", 10, d => d with { Title = closed, BookingClosesUtc = d.StartUtc.AddDays(-1) }, startsIn: TimeSpan.FromHours(2), now: _factory.Clock.GetUtcNow().UtcDateTime);
        await NewEventsListedAsync();
        var visitor = _factory.CreateBrowserClient();

        Assert.Equal("Started: booking closed", await PlacesAsync(visitor, started));
        Assert.Equal("10 places left", await PlacesAsync(visitor, soon));
        Assert.Equal("Booking closed", await PlacesAsync(visitor, closed));

    }

    /// <summary>A new event is listed when the cached list runs out; the tests do not wait for that.</summary>
    private Task NewEventsListedAsync() => _factory.WithBoardServicesAsync("norfolk", services =>
    {
        services.GetRequiredService<EventListCache>().Changed(services.GetRequiredService<LearningHub.Core.Boards.BoardContext>().Required.Id);
        return Task.FromResult(true);
    });

    /// <summary>What the signed-out list says of the places on the event titled <paramref name="title"/>.</summary>
    private static async Task<string?> PlacesAsync(HttpClient visitor, string title)
    {
        var page = await visitor.GetDocumentAsync("/norfolk/events");
        var item = page.QuerySelectorAll(".lh-event-list__item").Single(i => i.QuerySelector("h3")!.TextContent.Contains(title));
        return item.QuerySelectorAll(".govuk-summary-list__row").Single(r => r.QuerySelector("dt")!.TextContent == "Places").QuerySelector("dd")!.TextContent.Trim();
    }
}
