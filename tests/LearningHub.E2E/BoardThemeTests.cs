using LearningHub.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E;

/// <summary>One site, many boards: the site home lists them, and each board wears its own theme.</summary>
[Collection(SiteCollection.Name)]
public sealed class BoardThemeTests(SiteFixture site)
{
    // Address prefixes: the layout links to the fingerprinted files (norfolk.{fingerprint}.css).
    private const string NorfolkCss = "/_content/LearningHub.Theme.Norfolk/norfolk.";
    private const string EssexCss = "/_content/LearningHub.Theme.Essex/essex.";

    [Fact]
    public async Task SiteHomeListsEveryBoardFromTheRecipes()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;

        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);

        var norfolk = page.Locator(".lh-board-card a[href='/norfolk']");
        var essex = page.Locator(".lh-board-card a[href='/essex']");
        Assert.Equal("Norfolk Safeguarding Children Board", (await norfolk.InnerTextAsync()).Trim());
        Assert.Equal("Essex Safeguarding Children Board", (await essex.InnerTextAsync()).Trim());
        await Accessibility.AssertNoViolationsAsync(page);

        await norfolk.ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url("/norfolk"));
        Assert.Contains("Norfolk Safeguarding Children Board", await page.Locator(".lh-header").InnerTextAsync());
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task EachBoardWearsItsOwnThemeStylesheet()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;

        var siteHeader = await HeaderBackgroundAsync(page, "/", expectedStylesheet: null, otherStylesheets: [NorfolkCss, EssexCss]);
        var norfolkHeader = await HeaderBackgroundAsync(page, "/norfolk", NorfolkCss, [EssexCss]);
        var essexHeader = await HeaderBackgroundAsync(page, "/essex", EssexCss, [NorfolkCss]);

        // The brand colours come only from the board stylesheets, so they differ only if those loaded and applied.
        Assert.NotEqual(norfolkHeader, essexHeader);
        Assert.NotEqual(siteHeader, norfolkHeader);
        Assert.NotEqual(siteHeader, essexHeader);
        session.AssertNoBrowserErrors();
    }

    /// <summary>
    /// Opens <paramref name="path"/>, checks which board stylesheet it links and that the browser loaded it
    /// with 200, runs axe, and returns the computed background colour of the header.
    /// </summary>
    private async Task<string> HeaderBackgroundAsync(IPage page, string path, string? expectedStylesheet, string[] otherStylesheets)
    {
        var stylesheets = new List<(string Url, int Status)>();
        void OnResponse(object? sender, IResponse response)
        {
            if (response.Request.ResourceType == "stylesheet")
            {
                lock (stylesheets)
                {
                    stylesheets.Add((response.Url, response.Status));
                }
            }
        }

        page.Response += OnResponse;
        try
        {
            var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            Assert.Equal(200, response!.Status);
        }
        finally
        {
            page.Response -= OnResponse;
        }

        foreach (var other in otherStylesheets)
        {
            Assert.Equal(0, await page.Locator($"link[rel='stylesheet'][href^='{other}']").CountAsync());
        }

        if (expectedStylesheet is not null)
        {
            var link = page.Locator($"link[rel='stylesheet'][href^='{expectedStylesheet}']");
            Assert.Equal(1, await link.CountAsync());

            var loaded = stylesheets.Where(s => new Uri(s.Url).AbsolutePath.StartsWith(expectedStylesheet, StringComparison.Ordinal)).ToList();
            Assert.True(loaded.Count > 0, $"{path}: the browser did not request {expectedStylesheet} (stylesheets: {string.Join(", ", stylesheets)}).");
            Assert.All(loaded, s => Assert.Equal(200, s.Status));

            // And served as CSS that sets the brand, not as some fallback page.
            var href = await link.GetAttributeAsync("href");
            var css = await page.Context.APIRequest.GetAsync(href!);
            Assert.Equal(200, css.Status);
            Assert.StartsWith("text/css", css.Headers["content-type"]);
            Assert.Contains("--lh-brand", await css.TextAsync());
        }

        Assert.All(stylesheets, s => Assert.True(s.Status == 200, $"{path}: stylesheet {s.Url} answered {s.Status}."));
        await Accessibility.AssertNoViolationsAsync(page);
        return await page.Locator(".lh-header").EvaluateAsync<string>("header => getComputedStyle(header).backgroundColor");
    }
}
