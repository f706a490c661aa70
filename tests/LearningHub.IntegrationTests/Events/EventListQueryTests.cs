using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// The signed-in events list is not output-cached (it is the same for everyone only when signed out), but all it
/// reads is: the events from the board's cached list (EventListCache), the themes from BoardTerms, the localities
/// and the listed events' covers from EventListExtras, the session check from SessionCheckCache. A locality
/// changed shows at once (a cover changed: <see cref="EventCoverImageTests"/>).
/// </summary>
public sealed class EventListQueryTests(QuietFactory factory) : IClassFixture<QuietFactory>
{
    [Fact]
    public async Task The_signed_in_events_list_reads_nothing_from_the_database_once_cached()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        await client.GetDocumentAsync("/norfolk/events");

        using var counter = new CommandCounter(factory.DataPath);
        await client.GetDocumentAsync("/norfolk/events");

        Assert.True(counter.Commands.Count == 0, $"{counter.Commands.Count} commands:\n" + string.Join("\n---\n", counter.Commands));
    }

    [Fact]
    public async Task A_locality_renamed_shows_at_once_in_the_signed_in_events_filter()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var before = await client.GetDocumentAsync("/norfolk/events");
        var name = before.QuerySelector("select[name='Filter.Locality'] option:not([value=''])")!.TextContent.Trim();

        await factory.WithBoardAsync("norfolk", async db =>
        {
            var locality = await db.Localities.SingleAsync(l => l.Name == name);
            locality.Name = name + " and District";
            return await db.SaveChangesAsync();
        });

        var after = await client.GetDocumentAsync("/norfolk/events");
        Assert.Contains(after.QuerySelectorAll("select[name='Filter.Locality'] option"), o => o.TextContent.Trim() == name + " and District");
    }

    [Fact]
    public async Task An_event_renamed_shows_at_once_in_the_signed_in_events_list()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        await client.GetDocumentAsync("/norfolk/events");

        var renamed = await factory.WithBoardAsync("norfolk", async db =>
        {
            var listed = await db.Set<LearningEvent>().Where(e => e.Status == EventStatus.Published && e.RoadshowId == null && e.StartUtc > DateTime.UtcNow.AddDays(1))
                .OrderBy(e => e.Id).FirstAsync();
            listed.Title += " (moved online)";
            await db.SaveChangesAsync();
            return listed.Title;
        });

        var after = await client.GetDocumentAsync("/norfolk/events");
        Assert.Contains(after.QuerySelectorAll("main h3 a"), a => a.TextContent.Trim() == renamed);
    }
}
