using System.Text;
using LearningHub.E2E.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Impact;

/// <summary>
/// Acceptance 4 of issue 18: a board administrator opens a recommendation, records a status update with evidence,
/// opens the annual-report pack from the navigation and downloads its PDF. Axe on every page visited.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class AnnualReportJourneyTests(SiteFixture site)
{
    [Fact]
    public async Task A_board_admin_records_a_status_update_with_evidence_then_downloads_the_annual_report_pdf()
    {
        await CaseFixtures.ApplyAsync(site.Services, "norfolk", CaseFixtures.ChildV("impact-e2e", "Child V impact"));
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("norfolk", "admin@norfolk.demo");

        await page.GotoAsync("/norfolk/recommendations/impact-e2e/2");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recommendation 2", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Who it reached", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change measured", Level = 2 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("New status").SelectOptionAsync(new SelectOptionValue { Label = "Action planned" });
        await page.GetByLabel("Note").FillAsync("Interpreter guidance to be rewritten by the multi-agency group.");
        await page.GetByLabel("Link to the evidence (optional)").FillAsync("https://www.example.org/interpreter-plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the change" }).ClickAsync();
        await Expect(page.GetByText("The change of status was recorded")).ToBeVisibleAsync();
        await Expect(page.Locator("#current-status")).ToHaveTextAsync("Action planned");
        await Expect(page.Locator("#history a[href='https://www.example.org/interpreter-plan']")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Impact", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Impact and annual report", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#recommendations")).ToContainTextAsync("Action planned (Interpreter guidance to be rewritten by the multi-agency group.)");
        await Accessibility.AssertNoViolationsAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download this report (PDF)" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        session.AssertNoBrowserErrors();
    }
}
