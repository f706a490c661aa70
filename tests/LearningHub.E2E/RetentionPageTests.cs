using LearningHub.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E;

/// <summary>The board administrator's data retention page is accessible: settings, errors, saving and Run now.</summary>
[Collection(SiteCollection.Name)]
public sealed class RetentionPageTests(SiteFixture site)
{
    [Fact]
    public async Task BoardAdministratorChangesRetentionAndRunsItOnAccessiblePages()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("essex", "admin@essex.demo");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Data retention" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Data retention", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_AttendanceAmount")).ToHaveValueAsync("6");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.FillAsync("#Input_MailBodiesAmount", "3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save retention settings" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a[href='#Input_MailBodiesAmount']")).ToContainTextAsync("at least 7 days");
        await Expect(page.Locator("#Input_MailBodiesAmount")).ToHaveValueAsync("3");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.FillAsync("#Input_MailBodiesAmount", "120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save retention settings" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Retention settings saved");
        await Expect(page.Locator("#Input_MailBodiesAmount")).ToHaveValueAsync("120");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Retention has been applied");
        await Expect(page.Locator("#last-counts")).ToContainTextAsync("Bookings anonymised");
        await Accessibility.AssertNoViolationsAsync(page);
        session.AssertNoBrowserErrors();
    }
}
