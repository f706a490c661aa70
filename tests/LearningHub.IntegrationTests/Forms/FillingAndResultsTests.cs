using System.Net;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LearningHub.IntegrationTests.Forms.FormsTestSupport;

namespace LearningHub.IntegrationTests.Forms;

/// <summary>Acceptance 2 and 3: a practitioner answers (failing once), a coordinator sees and exports it; editing after answers makes a new version.</summary>
public sealed class FillingAndResultsTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private static readonly string[] Agreement = ["Fully", "Mostly", "Partly", "Not at all"];

    private Task<Guid> GeneralFormAsync(string key) => factory.CreateFormAsync("norfolk", key, FormPurpose.GeneralFeedback, anonymous: false,
        Q(QuestionType.ShortText, "Your team name", "team"),
        Q(QuestionType.LongText, "What will you do differently?", "differently", maxLength: 50),
        Q(QuestionType.SingleChoice, "How well did it meet its objectives?", "objectives", options: Agreement),
        Q(QuestionType.Date, "When did you last use this learning?", "last-used"),
        Q(QuestionType.Scale, "How confident are you in recognising coercive control?", "confidence-coercive-control"),
        Q(QuestionType.YesNo, "Would you recommend it?", "recommend"));

    [Fact]
    public async Task Practitioner_fails_once_keeps_what_they_typed_then_submits_and_coordinator_sees_and_exports_it()
    {
        await factory.GrantFormsPermissionsAsync("norfolk");
        var formId = await GeneralFormAsync("general-feedback-a");
        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");
        const string start = "/norfolk/forms/general-feedback-a?context=general&returnUrl=%2Fnorfolk%2F";
        var startPage = await practitioner.GetDocumentAsync(start);
        Assert.Contains("Start now", startPage.QuerySelector(".govuk-button--start")!.TextContent);
        var page1 = "/norfolk/forms/general-feedback-a/page/1?context=general&returnUrl=%2Fnorfolk%2F";
        var page = await practitioner.GetDocumentAsync(page1);
        var names = page.QuerySelectorAll("main form [name^='q-']").Select(e => e.GetAttribute("name")!).Distinct().ToList();
        // Five questions a page: the sixth is on page 2.
        Assert.Equal(5 + 2, names.Count);
        string Field(int i) => names[i];
        var longText = page.QuerySelector("textarea")!;
        Assert.Contains("You can enter up to 50 characters", page.GetElementById(longText.GetAttribute("aria-describedby")!.Split(' ')[0])!.TextContent);

        var failed = await practitioner.SubmitFormAsync(page1, new Dictionary<string, string>
        {
            [Field(0)] = "",
            [Field(1)] = new string('x', 51),
            [Field(2)] = "Brilliantly",
            [Field(3)] = "31",
            [Field(4)] = "2",
            [Field(5)] = "2026",
            [Field(6)] = "3",
        });

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var errorPage = await failed.ParseAsync();
        Assert.StartsWith("Error:", errorPage.Title);
        var links = errorPage.QuerySelectorAll(".govuk-error-summary a").Select(a => (Href: a.GetAttribute("href")!, Text: a.TextContent)).ToList();
        Assert.Equal(4, links.Count);
        Assert.Contains("Enter your answer to “Your team name”", links[0].Text);
        Assert.Contains("must be 50 characters or fewer", links[1].Text);
        Assert.Contains("Select one of the answers offered", links[2].Text);
        Assert.Contains("must be a real date", links[3].Text);
        Assert.All(links, l => Assert.NotNull(errorPage.GetElementById(l.Href.TrimStart('#'))));
        Assert.Equal(new string('x', 51), errorPage.QuerySelector("textarea")!.TextContent);
        Assert.Equal("31", errorPage.GetElementById($"{Field(3)}")!.GetAttribute("value"));
        Assert.Equal("checked", errorPage.QuerySelectorAll($"input[name='{Field(6)}']").Single(i => i.GetAttribute("value") == "3").GetAttribute("checked"));
        Assert.Equal(0, await factory.WithBoardAsync("norfolk", db => db.Set<FormSubmission>().CountAsync(s => s.FormId == formId)));

        var saved = await practitioner.SubmitFormAsync(page1, new Dictionary<string, string>
        {
            [Field(0)] = "=SUM(A1) early help",
            [Field(1)] = "Ask about\r\nthe father",
            [Field(2)] = "Mostly",
            [Field(3)] = "27",
            [Field(4)] = "3",
            [Field(5)] = "2026",
            [Field(6)] = "4",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("/page/2", saved.Headers.Location!.OriginalString);

        // A draft: coming back shows "Continue" and the answers given.
        Assert.Contains("Continue", (await practitioner.GetDocumentAsync(start)).QuerySelector(".govuk-button--start")!.TextContent);
        Assert.Equal("=SUM(A1) early help", (await practitioner.GetDocumentAsync(page1)).GetElementById(Field(0))!.GetAttribute("value"));

        var page2 = saved.Headers.Location!.OriginalString;
        var yesNo = (await practitioner.GetDocumentAsync(page2)).QuerySelector("main form input[type=radio]")!.GetAttribute("name")!;
        var toCheck = await practitioner.SubmitFormAsync(page2, new Dictionary<string, string> { [yesNo] = "yes" });
        Assert.Contains("/check", toCheck.Headers.Location!.OriginalString);
        var check = await practitioner.GetDocumentAsync(toCheck.Headers.Location!.OriginalString);
        Assert.Contains("27 March 2026", check.QuerySelector(".govuk-summary-list")!.TextContent);
        var sent = await practitioner.SubmitFormAsync(toCheck.Headers.Location!.OriginalString, new Dictionary<string, string>());
        Assert.Contains("/done", sent.Headers.Location!.OriginalString);
        var done = await practitioner.GetDocumentAsync(sent.Headers.Location!.OriginalString);
        Assert.Equal("Answers sent", done.QuerySelector(".govuk-panel__title")!.TextContent.Trim());
        Assert.Equal("/norfolk/", done.QuerySelector("main a.govuk-link")!.GetAttribute("href"));

        var userId = await factory.UserIdAsync("norfolk", "practitioner@norfolk.demo");
        Assert.True(await factory.WithBoardServicesAsync("norfolk", s => s.GetRequiredService<IFormFilling>().HasSubmittedAsync("general-feedback-a", "general", userId)));
        var stored = await factory.WithBoardAsync("norfolk", db => db.Set<FormSubmission>().Include(s => s.Answers).SingleAsync(s => s.FormId == formId));
        Assert.Equal("Pat Practitioner", stored.RespondentName);
        Assert.Contains(stored.Answers, a => a.Value == "Ask about\nthe father");
        Assert.Contains(stored.Answers, a => a.Value == "2026-03-27");

        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var results = await coordinator.GetDocumentAsync($"/norfolk/admin/forms/{formId}/results");
        Assert.Contains("1 person has answered", results.GetElementById("answer-count")!.TextContent);
        Assert.Contains("Pat Practitioner", results.QuerySelector("main")!.TextContent);
        var mostly = results.QuerySelectorAll("tr").First(r => r.QuerySelector("th")?.TextContent == "Mostly");
        Assert.Equal("1", mostly.QuerySelectorAll("td")[0].TextContent);
        var csvResponse = await coordinator.GetAsync($"/norfolk/admin/forms/{formId}/results?handler=Csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csv = await csvResponse.Content.ReadAsStringAsync();
        Assert.Contains("practitioner@norfolk.demo", csv);
        Assert.Contains("Mostly", csv);
        // A cell that a spreadsheet would run as a formula starts with a quote instead.
        Assert.Contains(",'=SUM(A1) early help,", csv);
        Assert.DoesNotContain(",=", csv);

        var other = factory.CreateBrowserClient();
        await other.SignInAsync("norfolk", "practitioner@norfolk.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/norfolk/admin/forms/{formId}/results")).StatusCode);
    }

    [Fact]
    public async Task Editing_a_form_with_answers_makes_a_new_version_and_old_answers_keep_their_questions()
    {
        await factory.GrantFormsPermissionsAsync("norfolk");
        var formId = await factory.CreateFormAsync("norfolk", "versioned", FormPurpose.EventEvaluation, anonymous: false,
            Q(QuestionType.SingleChoice, "How well did it meet its objectives?", "objectives", options: Agreement),
            Q(QuestionType.ShortText, "Your role", "role"));
        await factory.SubmitAsync("norfolk", "versioned", "event:1", "someone-1", new() { ["objectives"] = ["Fully"], ["role"] = ["Health visitor"] });
        var author = factory.CreateBrowserClient();
        await author.SignInAsync("norfolk", "author@norfolk.demo");
        var edit = await author.GetDocumentAsync($"/norfolk/admin/forms/{formId}");
        Assert.Contains("makes version 2", edit.QuerySelector(".govuk-warning-text")!.TextContent);
        var changeUrl = edit.QuerySelectorAll("a[href*='/questions/']").First(a => a.TextContent.StartsWith("Change")).GetAttribute("href")!;

        var invalid = await author.SubmitFormAsync(changeUrl, new Dictionary<string, string>
        {
            ["Input.Type"] = "SingleChoice",
            ["Input.Text"] = "",
            ["Input.Required"] = "yes",
            ["Input.SingleChoiceOptions"] = "Only one",
        });
        var invalidPage = await invalid.ParseAsync();
        Assert.Equal(["#Input_Text", "#Input_SingleChoiceOptions"], invalidPage.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")!).ToArray());
        Assert.Equal(1, await factory.WithBoardAsync("norfolk", db => db.Set<Form>().Where(f => f.Id == formId).Select(f => f.CurrentVersion).SingleAsync()));

        var changed = await author.SubmitFormAsync(changeUrl, new Dictionary<string, string>
        {
            ["Input.Type"] = "SingleChoice",
            ["Input.Text"] = "How well did the session meet its learning objectives?",
            ["Input.Required"] = "yes",
            ["Input.SingleChoiceOptions"] = "Fully\nMostly\nPartly\nNot at all\nI was not sure what they were",
            ["Input.Key"] = "objectives",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var (current, versions, oldQuestions, newQuestions, submissionVersion) = await factory.WithBoardAsync("norfolk", async db =>
        {
            var form = await db.Set<Form>().SingleAsync(f => f.Id == formId);
            var all = await db.Set<FormVersion>().Include(v => v.Questions).Where(v => v.FormId == formId).OrderBy(v => v.Number).ToListAsync();
            var submission = await db.Set<FormSubmission>().SingleAsync(s => s.FormId == formId);
            return (form.CurrentVersion, all.Count, all[0].Questions.OrderBy(q => q.Position).Select(q => q.Text).ToList(),
                all[1].Questions.OrderBy(q => q.Position).Select(q => q.Text).ToList(), all.Single(v => v.Id == submission.FormVersionId).Number);
        });
        Assert.Equal(2, current);
        Assert.Equal(2, versions);
        Assert.Equal(1, submissionVersion);
        Assert.Equal("How well did it meet its objectives?", oldQuestions[0]);
        Assert.Equal("How well did the session meet its learning objectives?", newQuestions[0]);

        // A second change before anyone answers version 2 changes it in place.
        var edit2 = await author.GetDocumentAsync($"/norfolk/admin/forms/{formId}");
        var removeLink = edit2.QuerySelectorAll("main a[href$='/remove']").Last().GetAttribute("href")!;
        var removed = await author.SubmitFormAsync(removeLink, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(2, await factory.WithBoardAsync("norfolk", db => db.Set<FormVersion>().CountAsync(v => v.FormId == formId)));

        // Results still count the old answer under the question's key, with the new wording.
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var results = await coordinator.GetDocumentAsync($"/norfolk/admin/forms/{formId}/results");
        Assert.Contains("How well did the session meet its learning objectives?", results.QuerySelector("main")!.TextContent);
        Assert.Equal("1", results.QuerySelectorAll("tr").First(r => r.QuerySelector("th")?.TextContent == "Fully").QuerySelectorAll("td")[0].TextContent);
        Assert.Contains("Health visitor", results.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Details_change_but_a_form_with_answers_keeps_its_promise_of_anonymity()
    {
        await factory.GrantFormsPermissionsAsync("norfolk");
        var formId = await factory.CreateFormAsync("norfolk", "details", FormPurpose.EventEvaluation, anonymous: true, Q(QuestionType.YesNo, "Useful?", "useful"));
        await factory.SubmitAsync("norfolk", "details", "event:3", "someone-3", new() { ["useful"] = ["yes"] });
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var url = $"/norfolk/admin/forms/{formId}/details";

        var refused = await (await coordinator.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Title"] = "Renamed",
            ["Input.Purpose"] = "EventEvaluation",
            ["Input.Anonymous"] = "named",
        })).ParseAsync();
        var saved = await coordinator.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Title"] = "Neglect briefing: evaluation",
            ["Input.Purpose"] = "EventEvaluation",
            ["Input.Anonymous"] = "anonymous",
        });

        Assert.Equal("#Input_Anonymous", refused.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal("Renamed", refused.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var form = await factory.WithBoardAsync("norfolk", db => db.Set<Form>().AsNoTracking().SingleAsync(f => f.Id == formId));
        Assert.Equal("Neglect briefing: evaluation", form.Title);
        Assert.True(form.IsAnonymous);
        Assert.Equal("details", form.Key);
    }

    [Fact]
    public async Task Other_modules_attach_forms_to_contexts_find_them_and_get_a_safe_address_to_fill_them_in()
    {
        await factory.CreateFormAsync("norfolk", "attached-evaluation", FormPurpose.EventEvaluation, true, Q(QuestionType.YesNo, "Useful?", "useful"));
        await factory.CreateFormAsync("norfolk", "attached-baseline", FormPurpose.EventBaseline, true, Q(QuestionType.YesNo, "Ready?", "ready"));

        var (evaluations, all, local, elsewhere, afterDetach) = await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var filling = services.GetRequiredService<IFormFilling>();
            var db = services.GetRequiredService<LearningHub.Core.Data.LearningHubDbContext>();
            await filling.AttachAsync("attached-evaluation", "event:5");
            await filling.AttachAsync("attached-evaluation", "event:5");
            await filling.AttachAsync("attached-baseline", "event:5");
            await db.SaveChangesAsync();
            await Assert.ThrowsAsync<ArgumentException>(() => filling.AttachAsync("attached-evaluation", "event:<5>"));
            await Assert.ThrowsAsync<ArgumentException>(() => filling.AttachAsync("no-such-form", "event:5"));
            var evaluations = await filling.FormsForContextAsync("event:5", FormPurpose.EventEvaluation);
            var all = await filling.FormsForContextAsync("event:5");
            var local = filling.FillUrl("attached-evaluation", "event:5", "/norfolk/events/5");
            var elsewhere = filling.FillUrl("attached-evaluation", "event:5", "//evil.example/");
            await filling.DetachAsync("attached-baseline", "event:5");
            await db.SaveChangesAsync();
            return (evaluations, all, local, elsewhere, await filling.FormsForContextAsync("event:5"));
        });

        Assert.Equal("attached-evaluation", Assert.Single(evaluations).Key);
        Assert.Equal(1, evaluations[0].QuestionCount);
        Assert.Equal(2, all.Count);
        Assert.Equal("/norfolk/forms/attached-evaluation?context=event%3A5&returnUrl=%2Fnorfolk%2Fevents%2F5", local);
        Assert.Equal("/norfolk/forms/attached-evaluation?context=event%3A5", elsewhere);
        Assert.Equal("attached-evaluation", Assert.Single(afterDetach).Key);
    }

    [Fact]
    public async Task Another_boards_form_is_not_found_to_fill_in_or_edit()
    {
        await factory.GrantFormsPermissionsAsync("norfolk");
        var essexForm = await factory.CreateFormAsync("essex", "essex-only", FormPurpose.GeneralFeedback, false, Q(QuestionType.ShortText, "Name", "name"));
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/norfolk/forms/essex-only")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/norfolk/admin/forms/{essexForm}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/norfolk/admin/forms/{essexForm}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/norfolk/admin/forms/{essexForm}/results?handler=Csv")).StatusCode);
        // A return address to another site is refused rather than followed later.
        await factory.CreateFormAsync("norfolk", "return-check", FormPurpose.GeneralFeedback, false, Q(QuestionType.ShortText, "Name", "name"));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/norfolk/forms/return-check?returnUrl=%2F%2Fevil.example")).StatusCode);
    }
}
