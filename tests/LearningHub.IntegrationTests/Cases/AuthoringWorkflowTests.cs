using System.Net;
using LearningHub.Cases.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>
/// Authoring and review over HTTP: create, return with a comment, fix, resubmit, publish, revise to version 2,
/// with the earlier completion keeping version 1; drafts stay hidden; one board's author cannot touch another's modules.
/// </summary>
public sealed class AuthoringWorkflowTests : IClassFixture<LearningHubFactory>, IAsyncLifetime
{
    private readonly LearningHubFactory _factory;

    public AuthoringWorkflowTests(LearningHubFactory factory) => _factory = factory;

    public async Task InitializeAsync()
    {
        // Grant the Cases permissions as the real recipes will (no modules).
        await CaseFixtures.ApplyAsync(_factory.Services, "norfolk");
        await CaseFixtures.ApplyAsync(_factory.Services, "essex");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> SignedInAsync(string board, string who)
    {
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync(board, $"{who}@{board}.demo");
        return client;
    }

    private static Dictionary<string, string> Details(string title, string summary = "A summary of what happened.") => new()
    {
        ["Input.Title"] = title,
        ["Input.ReviewType"] = "ChildSafeguardingPracticeReview",
        ["Input.PublishedOn.Day"] = "1",
        ["Input.PublishedOn.Month"] = "March",
        ["Input.PublishedOn.Year"] = "2021",
        ["Input.Summary"] = summary,
        ["Input.ContentWarning"] = "Describes the death of a baby.",
        ["Input.SupportSignposting"] = "Talk to your manager.",
        ["Input.KeyMessages"] = "Ask who else lives in the home",
    };

    private static async Task<Guid> CreateModuleAsync(HttpClient author, string title)
    {
        var created = await author.SubmitFormAsync("/norfolk/author/modules/new", Details(title));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var section = await author.SubmitFormAsync($"/norfolk/author/modules/{id}/sections/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Summary",
            ["Input.Title"] = "What happened",
            ["Input.Body"] = "The baby was *seen* by many agencies.",
            ["action"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, section.StatusCode);

        // Its reflective questions: the section page makes the section's form and opens it in the form builder.
        var sectionUrl = $"/norfolk/author/modules/{id}/sections/{(await author.GetDocumentAsync($"/norfolk/author/modules/{id}")).QuerySelector("main table a[href*='/sections/']")!.GetAttribute("href")!.Split('/').Last()}";
        var made = await author.SubmitFormAsync(sectionUrl, new Dictionary<string, string>(), $"{sectionUrl}?handler=reflection");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var builder = made.Headers.Location!.OriginalString;
        Assert.StartsWith("/norfolk/admin/forms/", builder);
        var question = await author.SubmitFormAsync($"{builder}/questions/new", new Dictionary<string, string>
        {
            ["Input.Type"] = "LongText",
            ["Input.Text"] = "What would you have done?",
            ["Input.Required"] = "yes",
        });
        Assert.True(question.StatusCode == HttpStatusCode.Redirect, await question.Content.ReadAsStringAsync());
        var sectionPage = await author.GetDocumentAsync(sectionUrl);
        Assert.Contains("(1 question)", sectionPage.QuerySelector("main")!.TextContent);
        return id;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, string handler, Dictionary<string, string>? fields = null) =>
        client.SubmitFormAsync($"/norfolk/author/modules/{id}", fields ?? [], $"/norfolk/author/modules/{id}?handler={handler}");

    [Fact]
    public async Task Create_return_fix_resubmit_publish_then_revise_to_version_2_while_the_completion_keeps_version_1()
    {
        var author = await SignedInAsync("norfolk", "author");
        var admin = await SignedInAsync("norfolk", "admin");
        var id = await CreateModuleAsync(author, "Child W");

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(author, id, "submit")).StatusCode);

        // The author who sent it is not offered approval, and a publish posted anyway (with a token from another of their pages) is refused.
        var selfApproval = await author.SubmitFormAsync("/norfolk/author/modules/new", new Dictionary<string, string>(), $"/norfolk/author/modules/{id}?handler=publish");
        Assert.Equal(HttpStatusCode.OK, selfApproval.StatusCode);
        Assert.Contains("Another author or a board administrator must review", (await selfApproval.ParseAsync()).QuerySelector(".govuk-error-summary")!.TextContent);

        // A return needs a comment.
        var noComment = await PostAsync(admin, id, "return", new() { ["ReturnComment"] = "" });
        Assert.Equal("#ReturnComment", (await noComment.ParseAsync()).QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, id, "return", new() { ["ReturnComment"] = "Say which agencies saw the baby." })).StatusCode);
        var returned = await author.GetDocumentAsync($"/norfolk/author/modules/{id}");
        Assert.Equal("Say which agencies saw the baby.", returned.QuerySelector("#return-comment")!.TextContent.Trim());

        // The author fixes the details and sends it again; the admin publishes.
        var fixedDetails = Details("Child W", "Health visitors, the GP and the hospital all saw the baby.");
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitFormAsync($"/norfolk/author/modules/{id}/details", fixedDetails)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(author, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, id, "publish")).StatusCode);

        var practitioner = await SignedInAsync("norfolk", "practitioner");
        var module = await practitioner.GetDocumentAsync("/norfolk/modules/child-w");
        Assert.Contains("Health visitors, the GP and the hospital", module.QuerySelector("main")!.TextContent);
        var completed = await ReflectionJourney.AnswerAsync(practitioner, "/norfolk/modules/child-w/sections/1", _ => "Asked who else lived there.");
        var certificateUrl = completed.Headers.Location!.OriginalString;
        Assert.StartsWith("/norfolk/certificates/", certificateUrl);

        // A revision: a new draft copied from version 1, edited, reviewed by a second person and published as version 2.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(author, id, "revise")).StatusCode);
        var sectionId = await _factory.WithBoardAsync("norfolk", db => db.Set<CaseModule>().Where(m => m.Id == id)
            .SelectMany(m => m.Versions.Where(v => v.Id == m.WorkingVersionId)).SelectMany(v => v.Sections).Select(s => s.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitFormAsync($"/norfolk/author/modules/{id}/sections/{sectionId}", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Summary",
            ["Input.Title"] = "What happened to Child W",
            ["Input.Body"] = "Updated after the board's response.",
            ["action"] = "save",
        })).StatusCode);
        await PostAsync(author, id, "submit");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, id, "publish")).StatusCode);

        var versions = await _factory.WithBoardAsync("norfolk", db => db.Set<CaseModuleVersion>().Where(v => v.ModuleId == id)
            .OrderBy(v => v.Number).Select(v => new { v.Number, v.State }).ToListAsync());
        Assert.Equal([(1, VersionState.Superseded), (2, VersionState.Published)], versions.Select(v => (v.Number, v.State)));

        // Each publication is in the audit log, by the person who approved it; the refused self-approval is not.
        var published = await _factory.WithBoardAsync("norfolk", db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "cases.module.published" && e.TargetId == id.ToString()).OrderBy(e => e.OccurredUtc).ToListAsync());
        Assert.Equal(2, published.Count);
        Assert.All(published, e => Assert.NotNull(e.ActorUserId));
        Assert.Contains("\"version\":2", published[1].ChangesJson);

        var learning = await practitioner.GetDocumentAsync("/norfolk/my-learning");
        var completedRow = learning.QuerySelectorAll("main table").Last().QuerySelector("tbody tr")!.TextContent;
        Assert.Contains("Child W", completedRow);
        Assert.Contains("Version 1", completedRow);
        var certificateDetails = (await practitioner.GetDocumentAsync(certificateUrl)).QuerySelector(".lh-certificate__details")!.TextContent;
        Assert.Contains("Version1", string.Concat(certificateDetails.Where(c => !char.IsWhiteSpace(c))));

        var current = await practitioner.GetDocumentAsync("/norfolk/modules/child-w");
        Assert.Contains("What happened to Child W", current.QuerySelector(".govuk-task-list")!.TextContent);
        var changes = await practitioner.GetDocumentAsync("/norfolk/modules/child-w/changes");
        Assert.Contains("Section: What happened to Child W", changes.QuerySelector("#changes")!.TextContent);
        Assert.Contains("Renamed from “What happened”, text changed", changes.QuerySelector("#changes")!.TextContent);
    }

    [Fact]
    public async Task A_second_author_may_review_and_sections_can_be_reordered()
    {
        var author = await SignedInAsync("norfolk", "author");
        var id = await CreateModuleAsync(author, "Child X");
        await author.SubmitFormAsync($"/norfolk/author/modules/{id}/sections/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "LearningActivities",
            ["Input.Title"] = "Reflect",
            ["Input.Body"] = "Talk as a team.",
            ["action"] = "save",
        });
        var sections = await _factory.WithBoardAsync("norfolk", db => db.Set<CaseSection>()
            .Where(s => db.Set<CaseModule>().Any(m => m.Id == id && m.WorkingVersionId == s.VersionId)).OrderBy(s => s.Position).ToListAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(author, id, "move", new() { ["sectionId"] = sections[1].Id.ToString(), ["up"] = "true" })).StatusCode);
        var order = await _factory.WithBoardAsync("norfolk", db => db.Set<CaseSection>()
            .Where(s => s.VersionId == sections[0].VersionId).OrderBy(s => s.Position).Select(s => s.Title).ToListAsync());
        Assert.Equal(["Reflect", "What happened"], order);

        await PostAsync(author, id, "submit");
        // A second author: give the coordinator the Author role for this test.
        await _factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<LearningHub.Core.Accounts.ApplicationUser>>();
            var coordinator = await users.FindByEmailAsync("coordinator@norfolk.demo");
            return await users.AddToRoleAsync(coordinator!, "Author");
        });
        var secondAuthor = await SignedInAsync("norfolk", "coordinator");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secondAuthor, id, "publish")).StatusCode);
        await _factory.CreateBrowserClient().GetDocumentAsync("/norfolk/modules/child-x");
    }

    [Fact]
    public async Task Practitioners_cannot_see_drafts_or_modules_in_review()
    {
        var author = await SignedInAsync("norfolk", "author");
        var id = await CreateModuleAsync(author, "Draft Child Y");
        var practitioner = await SignedInAsync("norfolk", "practitioner");

        await practitioner.GetDocumentAsync("/norfolk/modules/draft-child-y", HttpStatusCode.NotFound);
        await practitioner.GetDocumentAsync("/norfolk/modules/draft-child-y/sections/1", HttpStatusCode.NotFound);
        await practitioner.GetDocumentAsync("/norfolk/modules/draft-child-y/review", HttpStatusCode.NotFound);
        Assert.DoesNotContain("Draft Child Y", (await practitioner.GetDocumentAsync("/norfolk/modules")).QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Draft Child Y", (await practitioner.GetDocumentAsync("/norfolk/modules?q=agencies")).QuerySelector("main")!.TextContent);

        await PostAsync(author, id, "submit");
        await practitioner.GetDocumentAsync("/norfolk/modules/draft-child-y", HttpStatusCode.NotFound);

        // Nor the authoring pages.
        var forbidden = await practitioner.GetAsync($"/norfolk/author/modules/{id}");
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
    }

    [Fact]
    public async Task An_essex_author_cannot_see_or_change_a_norfolk_module()
    {
        var norfolkAuthor = await SignedInAsync("norfolk", "author");
        var id = await CreateModuleAsync(norfolkAuthor, "Norfolk Only");
        var essexAuthor = await SignedInAsync("essex", "author");

        // Through Essex's own address, the id does not exist.
        await essexAuthor.GetDocumentAsync($"/essex/author/modules/{id}", HttpStatusCode.NotFound);
        await essexAuthor.GetDocumentAsync($"/essex/author/modules/{id}/details", HttpStatusCode.NotFound);
        await essexAuthor.GetDocumentAsync($"/essex/author/modules/{id}/sections/new", HttpStatusCode.NotFound);
        var essexToken = (await essexAuthor.GetDocumentAsync("/essex/author/modules/new"))
            .QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var edit = await essexAuthor.PostAsync($"/essex/author/modules/{id}/details", new FormUrlEncodedContent(new Dictionary<string, string>(Details("Hijacked"))
        {
            ["__RequestVerificationToken"] = essexToken,
        }));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var submit = await essexAuthor.PostAsync($"/essex/author/modules/{id}?handler=submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = essexToken,
        }));
        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);

        // Through Norfolk's address, an Essex sign-in is not a Norfolk author.
        var crossBoard = await essexAuthor.GetAsync($"/norfolk/author/modules/{id}");
        Assert.NotEqual(HttpStatusCode.OK, crossBoard.StatusCode);

        var (title, state) = await _factory.WithBoardAsync("norfolk", db => db.Set<CaseModuleVersion>()
            .Where(v => v.ModuleId == id).Select(v => new { v.Title, v.State }).SingleAsync().ContinueWith(t => (t.Result.Title, t.Result.State)));
        Assert.Equal("Norfolk Only", title);
        Assert.Equal(VersionState.Draft, state);
    }

    [Fact]
    public async Task The_section_preview_renders_markdown_inert()
    {
        var author = await SignedInAsync("norfolk", "author");
        var id = await CreateModuleAsync(author, "Preview Module");
        var preview = await author.SubmitFormAsync($"/norfolk/author/modules/{id}/sections/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Summary",
            ["Input.Title"] = "Unsafe",
            ["Input.Body"] = "**Bold** <script>alert('x')</script> [link](javascript:alert(1))",
            ["action"] = "preview",
        });
        var page = await preview.ParseAsync();
        var shown = page.QuerySelector(".lh-markdown-preview")!;

        Assert.Equal("Bold", shown.QuerySelector("strong")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Contains("<script>alert('x')</script>", shown.TextContent);
        Assert.DoesNotContain("javascript:", shown.InnerHtml);
        // What was typed is kept in the form.
        Assert.Contains("<script>", page.QuerySelector("#Input_Body")!.TextContent);
    }

    [Fact]
    public async Task An_authors_Not_accepted_recommendation_needs_a_reason_as_the_boards_record_does()
    {
        var author = await SignedInAsync("norfolk", "author");
        var id = await CreateModuleAsync(author, "Child Reason");
        var url = $"/norfolk/author/modules/{id}/recommendation/new";
        var fields = new Dictionary<string, string>
        {
            ["Input.Number"] = "1",
            ["Input.Text"] = "Ask who lives in the home.",
            ["Input.Scope"] = "Board",
            ["Input.Status"] = "NotAccepted",
        };

        var refused = await author.SubmitFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Equal("Enter why the recommendation was not accepted", page.QuerySelector(".govuk-error-summary a[href='#Input_StatusReason']")?.TextContent.Trim());
        Assert.Equal("Ask who lives in the home.", page.QuerySelector("#Input_Text")!.TextContent.Trim());
        Assert.Equal(0, await _factory.WithBoardAsync("norfolk", db => db.Set<CaseRecommendation>().CountAsync(r => r.Text == "Ask who lives in the home.")));

        fields["Input.StatusReason"] = "National guidance already covers it.";
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitFormAsync(url, fields)).StatusCode);
        var saved = await _factory.WithBoardAsync("norfolk", db => db.Set<CaseRecommendation>().SingleAsync(r => r.Text == "Ask who lives in the home."));
        Assert.Equal(RecommendationStatus.NotAccepted, saved.Status);
        Assert.Equal("National guidance already covers it.", saved.StatusReason);
    }

    [Fact]
    public async Task Deleting_a_section_chronology_entry_finding_or_recommendation_asks_first_and_only_the_confirmation_deletes()
    {
        var author = await SignedInAsync("norfolk", "author");
        var id = await CreateModuleAsync(author, "Child Delete");
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitFormAsync($"/norfolk/author/modules/{id}/chronology/new",
            new Dictionary<string, string> { ["Input.When"] = "March 2016", ["Input.What"] = "The GP saw the baby." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitFormAsync($"/norfolk/author/modules/{id}/finding/new",
            new Dictionary<string, string> { ["Input.Text"] = "Nobody asked who else lived there." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitFormAsync($"/norfolk/author/modules/{id}/recommendation/new",
            new Dictionary<string, string> { ["Input.Number"] = "1", ["Input.Text"] = "Ask who lives in the home.", ["Input.Scope"] = "Board" })).StatusCode);

        var page = await author.GetDocumentAsync($"/norfolk/author/modules/{id}");
        // No part is deleted by one press: the module page only links to the question.
        Assert.Empty(page.QuerySelectorAll("main form[action*='handler=delete']"));
        var deletes = page.QuerySelectorAll("main a[href*='/delete/']").Select(a => (Href: a.GetAttribute("href")!, Text: a.TextContent.Trim())).ToList();
        Assert.Equal(["Delete What happened", "Delete chronology entry 1", "Delete finding 1", "Delete recommendation 1"], deletes.Select(d => d.Text));
        // Recommendations keep the review's own number, once ("1. Ask…", not a list number before it).
        var recommendations = page.QuerySelectorAll("main ol").Single(l => l.TextContent.Contains("Ask who lives in the home."));
        Assert.DoesNotContain("govuk-list--number", recommendations.ClassName);
        Assert.Equal("Add a chronology entry", page.QuerySelectorAll("main a").Single(a => a.GetAttribute("href")!.EndsWith("/chronology/new")).TextContent.Trim());
        // The details' change links say what each changes and go to that field.
        var changes = page.QuerySelectorAll("main .govuk-summary-list__actions a").ToList();
        Assert.Equal(["Change type", "Change summary", "Change content warning", "Change key messages", "Change themes"], changes.Select(a => a.TextContent.Trim()));
        Assert.Equal($"/norfolk/author/modules/{id}/details#Input_ReviewType", changes[0].GetAttribute("href"));

        foreach (var (href, _) in deletes)
        {
            var question = await author.GetDocumentAsync(href);
            Assert.StartsWith("Are you sure you want to delete this ", question.QuerySelector("main h1")!.TextContent);
            Assert.Equal($"/norfolk/author/modules/{id}", question.QuerySelector("main form a.govuk-link")!.GetAttribute("href"));
        }

        var sectionQuestion = await author.GetDocumentAsync(deletes[0].Href);
        Assert.Equal("What happened", sectionQuestion.QuerySelector("main .govuk-inset-text")!.TextContent.Trim());
        // Asking deleted nothing.
        Assert.Equal(1, await _factory.WithBoardAsync("norfolk", db => db.Set<CaseSection>()
            .CountAsync(s => db.Set<CaseModule>().Any(m => m.Id == id && m.WorkingVersionId == s.VersionId))));

        foreach (var (href, _) in deletes)
        {
            var confirmed = await author.SubmitFormAsync(href, new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
            Assert.Equal($"/norfolk/author/modules/{id}", confirmed.Headers.Location!.OriginalString);
        }

        var left = await _factory.WithBoardAsync("norfolk", db => db.Set<CaseModuleVersion>().Where(v => v.ModuleId == id)
            .Select(v => v.Sections.Count + v.Chronology.Count + v.Findings.Count + v.Recommendations.Count).SingleAsync());
        Assert.Equal(0, left);
    }

    [Fact]
    public async Task An_author_is_not_offered_approval_of_their_own_module_but_another_reviewer_is()
    {
        var author = await SignedInAsync("norfolk", "author");
        var admin = await SignedInAsync("norfolk", "admin");
        var id = await CreateModuleAsync(author, "Child Own");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(author, id, "submit")).StatusCode);

        var own = await author.GetDocumentAsync($"/norfolk/author/modules/{id}");
        Assert.Empty(own.QuerySelectorAll("main form[action*='handler=publish'], main form[action*='handler=return']"));
        Assert.Contains("waiting for review by another author or a board administrator", own.QuerySelector("#waiting-for-review")!.TextContent);

        var other = await admin.GetDocumentAsync($"/norfolk/author/modules/{id}");
        Assert.NotNull(other.QuerySelector("main form[action*='handler=publish']"));
        Assert.Null(other.QuerySelector("#waiting-for-review"));
    }
}
