using System.Net;
using LearningHub.Events.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Events;

/// <summary>The coordinator's pages: create with errors kept, publish, register with a walk-in, CSV export; practitioners kept out.</summary>
public sealed class CoordinatorPagesTests : IClassFixture<EventsFactory>
{
    private readonly EventsFactory _factory;

    public CoordinatorPagesTests(EventsFactory factory) => _factory = factory;

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
            ["Input.Date"] = "not a date",
        });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var page = await invalid.ParseAsync();
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#Input_Date']"));
        Assert.Equal("Neglect briefing", page.QuerySelector("#Input_Title")!.GetAttribute("value"));

        var date = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var created = await client.SubmitFormAsync("/norfolk/events/manage/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "Neglect briefing",
            ["Input.Summary"] = "Learning from neglect reviews.",
            ["Input.Format"] = "InPerson",
            ["Input.Venue"] = "County Hall, Norwich",
            ["Input.Date"] = date,
            ["Input.StartTime"] = "09:30",
            ["Input.EndTime"] = "12:00",
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
            ["WalkIn.Agency"] = "GP practices",
        }, $"{manage}/register?handler=WalkIn");
        Assert.True(walkIn.StatusCode == HttpStatusCode.Redirect, $"{walkIn.StatusCode}: {(await walkIn.ParseAsync()).QuerySelector(".govuk-error-summary")?.TextContent}");
        var register = await client.GetDocumentAsync($"{manage}/register");
        Assert.Contains("Wendy Walk-in", register.QuerySelector("#register")!.TextContent);

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
    public async Task A_practitioner_cannot_open_the_coordinator_pages()
    {
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/norfolk/events/manage")).StatusCode);
    }
}
