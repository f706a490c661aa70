using System.Net;
using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Notifications;

public sealed class CalendarFeedTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private static async Task<string> MakeAddressAsync(HttpClient client)
    {
        var response = await client.SubmitFormAsync("/norfolk/account/calendar", new Dictionary<string, string>(), "/norfolk/account/calendar?handler=Reset");
        var address = (await response.ParseAsync()).QuerySelector("#feed-address")!.TextContent.Trim();
        return new Uri(address).PathAndQuery;
    }

    [Fact]
    public async Task A_person_gets_a_private_feed_address_that_serves_a_calendar()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");

        var feed = await MakeAddressAsync(client);
        var response = await factory.CreateBrowserClient().GetAsync(feed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync());
        Assert.NotNull(calendar);
        Assert.Equal("PUBLISH", calendar.Method);
    }

    [Fact]
    public async Task A_new_address_revokes_the_old_one_and_stopping_revokes_both()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "author@norfolk.demo");
        var anonymous = factory.CreateBrowserClient();

        var first = await MakeAddressAsync(client);
        var second = await MakeAddressAsync(client);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second.Replace("/norfolk/", "/essex/", StringComparison.Ordinal))).StatusCode);

        await client.SubmitFormAsync("/norfolk/account/calendar", new Dictionary<string, string>(), "/norfolk/account/calendar?handler=Revoke");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second)).StatusCode);
    }

    [Fact]
    public async Task A_made_up_secret_finds_nothing()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/norfolk/calendar/not-a-real-secret.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
