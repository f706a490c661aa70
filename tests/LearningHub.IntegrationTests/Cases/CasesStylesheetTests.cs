using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>Cases' stylesheet is linked by the layout on every page (the catalogue once lacked it, and its covers lost their layout).</summary>
public sealed class CasesStylesheetTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Theory]
    [InlineData("/norfolk/modules")]
    [InlineData("/norfolk/events")]
    public async Task The_layout_links_the_cases_stylesheet_once_in_the_head(string address)
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync(address);

        var links = page.QuerySelectorAll("link[rel=stylesheet]")
            // MapStaticAssets fingerprints the address: /_content/LearningHub.Cases/cases.{hash}.css.
            .Where(l => l.GetAttribute("href") is { } href && href.StartsWith("/_content/LearningHub.Cases/cases.") && href.EndsWith(".css"))
            .ToList();
        Assert.Single(links);
        Assert.Equal("HEAD", links[0].ParentElement!.TagName);
    }
}
