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
}
