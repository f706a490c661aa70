using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Security;
using LearningHub.E2E.Infrastructure;
using LearningHub.Forms;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E;

/// <summary>
/// Acceptance 1 as far as this branch can go: a practitioner answers a form, fails validation once
/// (the error summary link focuses the field; what they typed is kept), then submits; a coordinator
/// sees it counted. It uses a general form: answering a case module's reflective questions needs the
/// Cases module, which calls the same pages through <see cref="IFormFilling.FillUrl"/>.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class FormsJourneyTests(SiteFixture site)
{
    /// <summary>The form, made with the module's editor, and the forms permissions the merged recipes will grant.</summary>
    private async Task<Guid> SetUpAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var board = (await services.GetRequiredService<BoardDirectory>().FindAsync("essex"))!;
        services.GetRequiredService<BoardContext>().Use(board);
        var db = services.GetRequiredService<LearningHubDbContext>();
        foreach (var permission in new[] { FormsPermissions.Manage, FormsPermissions.Results })
        {
            if (!await db.BoardRolePermissions.AnyAsync(g => g.Role == BoardRoles.Coordinator && g.Permission == permission))
            {
                db.BoardRolePermissions.Add(new BoardRolePermission { Role = BoardRoles.Coordinator, Permission = permission });
            }
        }

        var editor = services.GetRequiredService<FormEditor>();
        var form = editor.Create($"reflection-{Guid.NewGuid():N}"[..24], "Reflecting on the learning", "Take a few minutes to think about your own practice.",
            FormPurpose.GeneralFeedback, anonymous: false);
        await db.SaveChangesAsync();
        services.GetRequiredService<IMemoryCache>().Remove(BoardPermissions.CacheKey(board.Id));
        await editor.SaveQuestionAsync(form, null, new QuestionDraft(QuestionType.ShortText, "Which team do you work in?", "team", null, true, [], null, null, null));
        await editor.SaveQuestionAsync(form, null, new QuestionDraft(QuestionType.LongText, "What will you do differently?", "differently", null, true, [], 300, null, null));
        await editor.SaveQuestionAsync(form, null, new QuestionDraft(QuestionType.Scale, "How confident are you in recognising coercive control?",
            "confidence-coercive-control", null, true, [], null, "Not at all confident", "Very confident"));
        await editor.SaveQuestionAsync(form, null, new QuestionDraft(QuestionType.Date, "When did you last discuss a case in supervision?", "supervision", null, false, [], null, null, null));
        return form.Id;
    }

    [Fact]
    public async Task PractitionerFailsOnceKeepsTheirAnswersThenSubmitsAndCoordinatorSeesIt()
    {
        var formId = await SetUpAsync();
        string key;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<BoardContext>().Use((await scope.ServiceProvider.GetRequiredService<BoardDirectory>().FindAsync("essex"))!);
            key = await scope.ServiceProvider.GetRequiredService<LearningHubDbContext>().Set<Form>().Where(f => f.Id == formId).Select(f => f.Key).SingleAsync();
        }

        await using (var practitioner = await site.OpenSessionAsync())
        {
            var page = practitioner.Page;
            await page.SignInAsDemoAsync("essex", "practitioner@essex.demo");
            await page.GotoAsync($"/essex/forms/{key}?context=general&returnUrl=%2Fessex%2F");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reflecting on the learning", Level = 1 })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
            await Expect(page.GetByText("You can enter up to 300 characters.")).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);

            // First try: the team left empty, a half-typed date.
            await page.GetByLabel("What will you do differently?").FillAsync("Ask who else lives in the house, and speak to the father.");
            await page.GetByLabel("4", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Day").FillAsync("31");
            await page.GetByLabel("Month").FillAsync("2");
            await page.GetByLabel("Year").FillAsync("2026");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

            var summary = page.Locator(".govuk-error-summary");
            await Expect(summary).ToBeFocusedAsync();
            await Expect(summary).ToContainTextAsync("Enter your answer to “Which team do you work in?”");
            await Expect(summary).ToContainTextAsync("must be a real date");
            await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
            await Accessibility.AssertNoViolationsAsync(page);
            await Expect(page.GetByLabel("What will you do differently?")).ToHaveValueAsync("Ask who else lives in the house, and speak to the father.");
            await Expect(page.GetByLabel("4", new() { Exact = true })).ToBeCheckedAsync();
            await Expect(page.GetByLabel("Day")).ToHaveValueAsync("31");

            await summary.GetByRole(AriaRole.Link, new() { Name = "Enter your answer to “Which team do you work in?”" }).ClickAsync();
            await Expect(page.GetByLabel("Which team do you work in?")).ToBeFocusedAsync();
            await page.GetByLabel("Which team do you work in?").FillAsync("Early help, Colchester");
            await summary.GetByRole(AriaRole.Link, new() { Name = "The date for “When did you last discuss a case in supervision?” must be a real date, like 27 3 2026" }).ClickAsync();
            await Expect(page.GetByLabel("Day")).ToBeFocusedAsync();
            await page.GetByLabel("Day").FillAsync("27");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers" })).ToBeVisibleAsync();
            await Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("27 February 2026");
            await Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("Early help, Colchester");
            await Accessibility.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send answers" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Answers sent" })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            practitioner.AssertNoBrowserErrors();
        }

        await using (var coordinator = await site.OpenSessionAsync())
        {
            var page = coordinator.Page;
            await page.SignInAsDemoAsync("essex", "coordinator@essex.demo");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Forms" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forms", Level = 1 })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Reflecting on the learning" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reflecting on the learning", Level = 1 })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);

            await page.GetByRole(AriaRole.Link, new() { Name = "Change details" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change the form's details" })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Back to Reflecting on the learning" }).ClickAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Add a question" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary a[href='#Input_Text']")).ToHaveTextAsync("Enter the question");
            await Accessibility.AssertNoViolationsAsync(page);

            await page.GotoAsync($"/essex/admin/forms/{formId}/results");
            await Expect(page.Locator("#answer-count")).ToHaveTextAsync("1 person has answered");
            await Expect(page.Locator("main")).ToContainTextAsync("Ask who else lives in the house");
            // The scale's distribution is drawn as a bar chart (chart.js) above its table, which stays.
            var chart = page.Locator(".lh-chart canvas[role=img]").First;
            await Expect(chart).ToBeVisibleAsync();
            await Expect(chart).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Bar chart: People giving each answer to “How confident are you in recognising coercive control\\?”"));
            await Expect(page.Locator(".lh-chart + table.lh-results-table").First).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            coordinator.AssertNoBrowserErrors();
        }
    }
}
