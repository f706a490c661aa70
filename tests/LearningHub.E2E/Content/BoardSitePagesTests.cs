using LearningHub.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Content;

/// <summary>
/// Issue 20: the pages a board's site carries besides its learning, as a visitor and a board administrator reach them:
/// the privacy notice and accessibility statement from the footer, the resources library and a resource's page, the
/// board settings form and the resource upload refusing a file that is not what its name says. Axe on every page.
/// Nothing here is saved, so the shared site stays as the recipes made it.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class BoardSitePagesTests(SiteFixture site)
{
    [Fact]
    public async Task A_visitor_reaches_the_privacy_notice_accessibility_statement_and_resources()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.GotoAsync("/norfolk");
        var footer = page.Locator("footer");

        await footer.GetByRole(AriaRole.Link, new() { Name = "Privacy notice" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Privacy notice", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Norfolk Safeguarding Children Board");
        await Accessibility.AssertNoViolationsAsync(page);

        await footer.GetByRole(AriaRole.Link, new() { Name = "Accessibility statement" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Accessibility statement for Norfolk");
        await Expect(page.Locator("main")).ToContainTextAsync("partially compliant");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/norfolk/resources");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resources", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Learning from Serious Case Reviews: Case R (slides)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Learning from Serious Case Reviews: Case R (slides)", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_board_admin_gets_errors_at_the_field_from_settings_and_a_resource_upload_and_keeps_what_they_typed()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("norfolk", "admin@norfolk.demo");

        await page.GotoAsync("/norfolk/admin/settings");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board settings", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.FillAsync("#Input_Name", "");
        await page.FillAsync("#Input_FooterText", "Footer words the admin typed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a[href='#Input_Name']")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_FooterText")).ToHaveValueAsync("Footer words the admin typed");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/norfolk/manage/resources/new");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a resource", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.SetInputFilesAsync("#Input_File", new FilePayload { Name = "briefing.pdf", MimeType = "application/pdf", Buffer = "this is plain text, not a PDF"u8.ToArray() });
        await page.FillAsync("#Input_Title", "Seven-minute briefing on neglect");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add resource" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a[href='#Input_File']")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_Title")).ToHaveValueAsync("Seven-minute briefing on neglect");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
