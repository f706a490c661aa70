using LearningHub.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E;

/// <summary>The board administrator's audit log search is accessible, errors included.</summary>
[Collection(SiteCollection.Name)]
public sealed class AuditLogPageTests(SiteFixture site)
{
    [Fact]
    public async Task BoardAdministratorSearchesTheAuditLogOnAccessiblePages()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("essex", "admin@essex.demo");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit log", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.FillAsync("[name='Filter.From.Day']", "31");
        await page.FillAsync("[name='Filter.From.Month']", "2");
        await page.FillAsync("[name='Filter.From.Year']", "2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a[href='#Filter_From']")).ToContainTextAsync("must be a real date");
        await Expect(page.Locator("#Filter_From")).ToHaveValueAsync("31");
        await Expect(page.Locator("[name='Filter.From.Month']")).ToHaveValueAsync("2");
        await Accessibility.AssertNoViolationsAsync(page);
        session.AssertNoBrowserErrors();
    }
}
