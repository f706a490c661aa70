using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>
/// Once a module's published content and row are cached, its page runs only the queries for what changes per
/// request: for a signed-in person their own progress and answers.
/// </summary>
public sealed class ModulePageQueryTests(QuietFactory factory) : IClassFixture<QuietFactory>
{
    /// <remarks>Signed out: nothing (the module row is kept under the board's public-page version, whose changes
    /// <see cref="PublishedContentCacheTests"/> shows at once). Signed in, the person's progress with the sections
    /// done and their unanswered questions (the session check is answered from what the previous page read:
    /// <c>SessionCheckCache</c>).</remarks>
    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 2)]
    public async Task A_module_page_runs_only_the_queries_for_what_is_not_shared(bool signedIn, int most)
    {
        var client = factory.CreateBrowserClient();
        if (signedIn)
        {
            await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        }

        var catalogue = await client.GetDocumentAsync("/norfolk/modules");
        var module = catalogue.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).First(h => h.StartsWith("/norfolk/modules/", StringComparison.Ordinal));
        await client.GetDocumentAsync(module);

        using var counter = new CommandCounter(factory.DataPath);
        await client.GetDocumentAsync(module);

        Assert.True(counter.Commands.Count <= most, $"{counter.Commands.Count} commands:\n" + string.Join("\n---\n", counter.Commands));
    }
}
