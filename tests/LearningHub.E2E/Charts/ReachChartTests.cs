using LearningHub.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Charts;

/// <summary>
/// The Events reach report loads chart.js and our bar chart script under the site's Content-Security-Policy
/// (no inline script) without a browser error, keeps its tables, and passes axe.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ReachChartTests(SiteFixture site)
{
    [Fact]
    public async Task The_reach_report_loads_its_chart_scripts_and_keeps_its_tables()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("norfolk", "coordinator@norfolk.demo");

        await page.GotoAsync("/norfolk/events/manage/reach?From.Day=1&From.Month=1&From.Year=2000&To.Day=31&To.Month=12&To.Year=2100");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reach of events", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("table#by-agency[data-lh-chart]")).ToBeVisibleAsync();
        await Expect(page.Locator("script[src*='/bar-charts.'][src$='.mjs']")).ToHaveCountAsync(1);
        Assert.Equal("function", await page.EvaluateAsync<string>("() => typeof window.Chart"));

        // Each drawn chart is an image with a label, and sits above the table it was drawn from.
        var rowsWithFigures = await page.Locator("table#by-agency tbody th[scope=row]").CountAsync();
        if (rowsWithFigures > 0)
        {
            await Expect(page.Locator(".lh-chart + table#by-agency")).ToBeVisibleAsync();
            await Expect(page.Locator(".lh-chart canvas[role=img]").First).ToHaveAttributeAsync("aria-label",
                new System.Text.RegularExpressions.Regex("^Bar chart: Bookings and attendance by agency"));
        }

        await Accessibility.AssertNoViolationsAsync(page);
        session.AssertNoBrowserErrors();
    }
}
