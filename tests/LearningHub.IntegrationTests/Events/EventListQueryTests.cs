using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// The signed-in events list is not output-cached (it is the same for everyone only when signed out), so
/// it keeps to the queries for what is not cached: the localities filter and the listed events' covers.
/// The events come from the board's cached list (EventListCache), the themes from BoardTerms, the session
/// check from SessionCheckCache.
/// </summary>
public sealed class EventListQueryTests(QuietFactory factory) : IClassFixture<QuietFactory>
{
    [Fact]
    public async Task The_signed_in_events_list_runs_only_the_queries_for_what_is_not_cached()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        await client.GetDocumentAsync("/norfolk/events");

        using var counter = new CommandCounter(factory.DataPath);
        await client.GetDocumentAsync("/norfolk/events");

        Assert.True(counter.Commands.Count <= 2, $"{counter.Commands.Count} commands:\n" + string.Join("\n---\n", counter.Commands));
    }
}
