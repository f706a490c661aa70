using LearningHub.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E;

/// <summary>The pages staff and signed-in people use, and the error pages, are accessible too.</summary>
[Collection(SiteCollection.Name)]
public sealed class StaffPagesTests(SiteFixture site)
{
    [Fact]
    public async Task BoardAdministratorManagesPeopleAndAgenciesOnAccessiblePages()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("essex", "admin@essex.demo");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Change roles of Ash Admin" }).ClickAsync();
        await page.GetByLabel("Board administrator").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("cannot take away your own board administrator role");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Agencies" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change Essex Police" }).ClickAsync();
        await page.FillAsync("#Input_Name", "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save agency" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a[href='#Input_Name']")).ToHaveTextAsync("Enter the agency's name");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Mail" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mail", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change mail settings" }).ClickAsync();
        await page.SelectOptionAsync("#Input_Transport", "Smtp");
        await page.FillAsync("#Input_Host", "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save mail settings" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a[href='#Input_Host']")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/essex/admin/mail/templates");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change Confirm your email address" }).ClickAsync();
        await page.FillAsync("#Input_Subject", "{{ board.shortName }}: please confirm, {{ recipient.name }}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator("#preview")).ToContainTextAsync("ESCB: please confirm, Sam Example");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.FillAsync("#Input_Subject", "{{ booking.reference }}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a[href='#Input_Subject']")).ToContainTextAsync("is not a placeholder");
        await Accessibility.AssertNoViolationsAsync(page);
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task CoordinatorSeesReachAndPractitionerGetsAHelpfulRefusal()
    {
        await using (var coordinator = await site.OpenSessionAsync())
        {
            await coordinator.Page.SignInAsDemoAsync("essex", "coordinator@essex.demo");
            await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
            await Expect(coordinator.Page.GetByRole(AriaRole.Heading, new() { Name = "Reach by agency" })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(coordinator.Page);
            coordinator.AssertNoBrowserErrors();
        }

        await using var practitioner = await site.OpenSessionAsync();
        var page = practitioner.Page;
        await page.SignInAsDemoAsync("essex", "practitioner@essex.demo");
        var refused = await page.GotoAsync("/essex/manage");
        Assert.Equal(403, refused!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You do not have permission to see this page" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Your details" }).ClickAsync();
        await Expect(page.Locator("#Input_FullName")).ToHaveValueAsync("Pat Practitioner");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "private calendar feed" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Make my calendar address" }).ClickAsync();
        var address = await page.Locator("#feed-address").TextContentAsync();
        Assert.Matches(@"/essex/calendar/[A-Za-z0-9_-]+\.ics$", address!.Trim());
        await Accessibility.AssertNoViolationsAsync(page);
        var feed = await page.Context.APIRequest.GetAsync(address.Trim());
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("BEGIN:VCALENDAR", await feed.TextAsync());
    }

    [Fact]
    public async Task NotFoundAndAccessibilityStatementPagesAreAccessible()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;

        var missing = await page.GotoAsync("/essex/nothing-here");
        Assert.Equal(404, missing!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        var unknownBoard = await page.GotoAsync("/atlantis");
        Assert.Equal(404, unknownBoard!.Status);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/essex");
        await page.GetByRole(AriaRole.Link, new() { Name = "Accessibility statement" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Accessibility statement");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
