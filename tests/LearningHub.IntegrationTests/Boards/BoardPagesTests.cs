using System.Net;
using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Boards;

public sealed class BoardPagesTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task Root_lists_both_boards_seeded_from_recipes()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/");

        var links = page.QuerySelectorAll("main a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Norfolk Safeguarding Children Board", "/norfolk"), links);
        Assert.Contains(("Essex Safeguarding Children Board", "/essex"), links);
    }

    [Theory]
    [InlineData("norfolk", "Norfolk", "NSCB", "/_content/LearningHub.Theme.Norfolk/norfolk")]
    [InlineData("essex", "Essex", "ESCB", "/_content/LearningHub.Theme.Essex/essex")]
    public async Task Board_home_page_wears_its_own_theme(string slug, string theme, string logo, string stylesheet)
    {
        var client = factory.CreateBrowserClient();
        var page = await client.GetDocumentAsync($"/{slug}");

        Assert.Equal(theme, page.QuerySelector("header")!.GetAttribute("data-theme"));
        Assert.StartsWith(logo, page.QuerySelector(".lh-header__logo")!.TextContent.Trim());
        // The fingerprinted address (MapStaticAssets): norfolk.{fingerprint}.css.
        var link = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith(stylesheet + ".", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        Assert.NotNull(page.QuerySelector("a.govuk-skip-link[href='#main-content']"));
        Assert.NotNull(page.QuerySelector($"footer a[href='/{slug}/accessibility']"));
    }

    [Fact]
    public async Task Norfolk_theme_overrides_a_base_view_and_Essex_keeps_it()
    {
        var client = factory.CreateBrowserClient();

        var norfolk = await client.GetDocumentAsync("/norfolk");
        var essex = await client.GetDocumentAsync("/essex");

        Assert.NotNull(norfolk.QuerySelector("footer .lh-norfolk-partners"));
        Assert.Null(essex.QuerySelector("footer .lh-norfolk-partners"));
        Assert.Contains("escb@essex.example", essex.QuerySelector("footer")!.TextContent);
    }

    [Theory]
    [InlineData("/suffolk")]
    [InlineData("/suffolk/account/register")]
    [InlineData("/norfolk/no-such-page")]
    public async Task Unknown_board_or_page_is_a_proper_404_page(string url)
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync(url, HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_board_404_page_links_back_into_that_board()
    {
        // The status page is re-executed without the {board} route value; its links still name the board.
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/no-such-page", HttpStatusCode.NotFound);

        var hrefs = page.QuerySelectorAll("header a, footer a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/norfolk/account/sign-in", hrefs);
        Assert.Contains("/norfolk/account/register", hrefs);
        Assert.Contains("/norfolk/accessibility", hrefs);
        Assert.DoesNotContain("", hrefs);
    }

    [Fact]
    public async Task Accessibility_statement_names_the_board_and_its_contact()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/essex/accessibility");

        Assert.Contains("Essex Safeguarding Children Board", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='mailto:escb@essex.example']"));
    }
}
