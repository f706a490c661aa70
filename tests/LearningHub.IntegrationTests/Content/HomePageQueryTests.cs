using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Content;

/// <summary>
/// The signed-in home page is not output-cached (it greets the person), but all it reads is cached: the site's
/// menu and blocks (SiteContent), the themes (BoardTerms), the session check (SessionCheckCache).
/// </summary>
public sealed class HomePageQueryTests(QuietFactory factory) : IClassFixture<QuietFactory>
{
    [Fact]
    public async Task The_signed_in_home_page_reads_nothing_from_the_database_once_cached()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        await client.GetDocumentAsync("/norfolk");

        using var counter = new CommandCounter(factory.DataPath);
        await client.GetDocumentAsync("/norfolk");

        Assert.True(counter.Commands.Count == 0, $"{counter.Commands.Count} commands:\n" + string.Join("\n---\n", counter.Commands));
    }
}
