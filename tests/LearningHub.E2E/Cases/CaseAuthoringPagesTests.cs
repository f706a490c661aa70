using System.Text.RegularExpressions;
using LearningHub.E2E.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Cases;

/// <summary>
/// An author writes a module (a section deleted only after "Are you sure", the question builder's types as radios with
/// conditional reveal) and sends it for review, is not offered approval of it, and a board administrator returns it.
/// axe on every page.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class CaseAuthoringPagesTests(SiteFixture site)
{
    [Fact]
    public async Task AuthorWritesAModuleWithAPreviewAndAnAdministratorReturnsIt()
    {
        // The Cases permissions, as the board's recipe grants them.
        await CaseFixtures.ApplyAsync(site.Services, "norfolk");
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("norfolk", "author@norfolk.demo");

        await page.GetByRole(AriaRole.Link, new() { Name = "Author modules", Exact = true }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a module" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // Nothing filled in: the error summary, and the page is still accessible.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create module" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        var title = $"Child E2E {Guid.NewGuid():N}"[..16];
        await page.FillAsync("#Input_Title", title);
        await page.SelectOptionAsync("#Input_ReviewType", new SelectOptionValue { Label = "Practice Learning Briefing" });
        await page.FillAsync("#Input_Summary", "A short briefing.");
        await page.FillAsync("#Input_ContentWarning", "Describes neglect.");
        await page.FillAsync("#Input_SupportSignposting", "Talk to your manager.");
        await page.FillAsync("#Input_KeyMessages", "Ask who else lives in the home");
        await page.GetByLabel("Professional Curiosity").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create module" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        var moduleUrl = page.Url;

        // A section, previewed first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a section" }).ClickAsync();
        await page.SelectOptionAsync("#Input_Kind", new SelectOptionValue { Label = "Summary" });
        await page.FillAsync("#Input_Title", "What happened");
        await page.FillAsync("#Input_Body", "## Key facts\n\n**Neglect** went unseen. <script>alert(1)</script> [bad](javascript:alert(1))");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the text" }).ClickAsync();
        await Expect(page.Locator(".lh-markdown-preview strong")).ToHaveTextAsync("Neglect");
        await Expect(page.Locator(".lh-markdown-preview")).ToContainTextAsync("<script>alert(1)</script>");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save section" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(moduleUrl);

        // Its reflective questions are a form: the section page makes it and opens the form builder.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit What happened" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add reflective questions" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/norfolk/admin/forms/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("What happened");
        await Accessibility.AssertNoViolationsAsync(page);

        // The question's type: radios, each revealing only its own settings.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a question" }).ClickAsync();
        await Expect(page.Locator("#Input_SingleChoiceOptions")).ToBeHiddenAsync();
        await Expect(page.Locator("#Input_ScaleLowLabel")).ToBeHiddenAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Single choice", new() { Exact = true }).CheckAsync();
        await Expect(page.Locator("#Input_SingleChoiceOptions")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_MultipleChoiceOptions")).ToBeHiddenAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.FillAsync("#Input_Text", "Who should have asked?");
        await page.FillAsync("#Input_SingleChoiceOptions", "Health visitor\nGP\nSchool nurse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Who should have asked?");
        await Accessibility.AssertNoViolationsAsync(page);

        // Removing it asks first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Remove question 1" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Are you sure you want to remove question 1?", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, remove this question" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("This form has no questions yet.");
        await page.GotoAsync(moduleUrl);

        // A recommendation, from its form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a recommendation" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.FillAsync("#Input_Number", "1");
        await page.FillAsync("#Input_Text", "Agencies should ask who lives in the home.");
        await page.SelectOptionAsync("#Input_Scope", new SelectOptionValue { Label = "Multi-agency" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save recommendation" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Agencies should ask who lives in the home.");

        // A second section, deleted: the link asks first, Cancel keeps it, the warning button deletes it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a section" }).ClickAsync();
        await page.SelectOptionAsync("#Input_Kind", new SelectOptionValue { Label = "Summary" });
        await page.FillAsync("#Input_Title", "Written by mistake");
        await page.FillAsync("#Input_Body", "Not needed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save section" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(moduleUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Delete Written by mistake" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Are you sure you want to delete this section?", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main .govuk-inset-text")).ToHaveTextAsync("Written by mistake");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(moduleUrl);
        await Expect(page.Locator("main table")).ToContainTextAsync("Written by mistake");
        await page.GetByRole(AriaRole.Link, new() { Name = "Delete Written by mistake" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete this section" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(moduleUrl);
        await Expect(page.Locator("main table")).Not.ToContainTextAsync("Written by mistake");
        await Expect(page.Locator("main table")).ToContainTextAsync("What happened");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync("in review");
        await Accessibility.AssertNoViolationsAsync(page);

        // The author who sent it is not offered approval of their own module.
        await Expect(page.Locator("#waiting-for-review")).ToContainTextAsync("waiting for review by another author or a board administrator");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Return to the author" })).ToHaveCountAsync(0);

        // The administrator reviews and returns it with a comment.
        await using var adminSession = await site.OpenSessionAsync();
        var admin = adminSession.Page;
        await admin.SignInAsDemoAsync("norfolk", "admin@norfolk.demo");
        await admin.GotoAsync(moduleUrl);
        await Expect(admin.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Review version 1") })).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(admin);
        await admin.FillAsync("#ReturnComment", "Add the chronology.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Return to the author" }).ClickAsync();

        await page.ReloadAsync();
        await Expect(page.Locator("#return-comment")).ToHaveTextAsync("Add the chronology.");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
