using System.Net;
using LearningHub.Cases.Domain;
using LearningHub.Forms.Domain;
using LearningHub.IntegrationTests.Forms;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>Finding a module, working through it, completing it and checking the certificate, over HTTP.</summary>
public sealed class PractitionerLearningTests : IClassFixture<FixtureCasesFactory>, IAsyncLifetime
{
    private readonly FixtureCasesFactory _factory;

    public PractitionerLearningTests(FixtureCasesFactory factory) => _factory = factory;

    public async Task InitializeAsync()
    {
        await CaseFixtures.ApplyAsync(_factory.Services, "norfolk",
            CaseFixtures.ChildV(),
            CaseFixtures.Module("case-neglect", "Case N", "Long-standing neglect of three children went unchallenged.",
                ["professional-curiosity"], ["neglect"]));
        // Essex has its own themes (from its briefing), not Norfolk's that the fixture tags findings with.
        var childJ = CaseFixtures.Module("child-j", "Child J", "A teenager at risk of exploitation; an interpreter was never offered.",
            ["managing-risk"], []);
        foreach (var part in childJ["findings"]!.AsArray().Concat(childJ["recommendations"]!.AsArray()))
        {
            part!.AsObject().Remove("theme");
        }

        await CaseFixtures.ApplyAsync(_factory.Services, "essex", childJ);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string[] Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("main h3 a").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public async Task Search_finds_child_v_by_interpreter_and_only_on_its_own_board()
    {
        var client = _factory.CreateBrowserClient();

        var found = await client.GetDocumentAsync("/norfolk/modules?q=interpreter");
        Assert.Equal(["Child V"], Titles(found));

        // Stemming: the plural finds it too.
        Assert.Equal(["Child V"], Titles(await client.GetDocumentAsync("/norfolk/modules?q=interpreters")));
        Assert.Equal(["Child J"], Titles(await client.GetDocumentAsync("/essex/modules?q=interpreter")));
        // Search syntax typed in is only ever words: quotes, stars and brackets neither fail nor filter.
        Assert.Equal(2, Titles(await client.GetDocumentAsync("/norfolk/modules?q=%22*%20-%20(%20%29%20%5E")).Length);
    }

    [Fact]
    public async Task Filters_by_theme_topic_and_review_type()
    {
        var client = _factory.CreateBrowserClient();

        Assert.Equal(["Child V"], Titles(await client.GetDocumentAsync("/norfolk/modules?theme=discussion-and-information-sharing")));
        Assert.Equal(["Case N"], Titles(await client.GetDocumentAsync("/norfolk/modules?topic=neglect")));
        Assert.Empty(Titles(await client.GetDocumentAsync("/norfolk/modules?type=PracticeLearningBriefing")));
        Assert.Equal(2, Titles(await client.GetDocumentAsync("/norfolk/modules?type=SeriousCaseReview")).Length);
    }

    [Fact]
    public async Task The_module_page_shows_the_content_warning_before_the_sections()
    {
        var page = await _factory.CreateBrowserClient().GetDocumentAsync("/norfolk/modules/child-v");
        var main = page.QuerySelector("main")!.InnerHtml;

        Assert.True(main.IndexOf("Content warning", StringComparison.Ordinal) < main.IndexOf("govuk-task-list", StringComparison.Ordinal));
        Assert.Equal(3, page.QuerySelectorAll(".govuk-task-list__item").Length);
        Assert.NotNull(page.QuerySelector("a[href='/norfolk/account/sign-in?returnUrl=%2Fnorfolk%2Fmodules%2Fchild-v']"));
    }

    [Fact]
    public async Task The_review_page_shows_the_timeline_findings_by_theme_and_recommendations()
    {
        var page = await _factory.CreateBrowserClient().GetDocumentAsync("/norfolk/modules/child-v/review");

        Assert.Equal(2, page.QuerySelectorAll(".lh-timeline__item").Length);
        Assert.Equal(["Discussion and Information Sharing", "Professional Curiosity"],
            page.QuerySelectorAll("#findings ~ h3").Select(h => h.TextContent.Trim()).ToArray());
        Assert.Equal(6, page.QuerySelectorAll("#recommendations + table tbody tr").Length);
    }

    [Fact]
    public async Task A_module_of_another_board_is_not_found()
    {
        await _factory.CreateBrowserClient().GetDocumentAsync("/essex/modules/child-v", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Working_through_child_v_completes_it_with_a_certificate_a_mail_and_a_verify_page()
    {
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");

        // The questions are at the end of the section, on its page, with the privacy wording. Posting it with an
        // answer missing is refused with an error summary linked to the empty field; what was typed stays and
        // nothing is saved or marked done.
        var section = await client.GetDocumentAsync("/norfolk/modules/child-v/sections/1");
        var field = section.QuerySelector("main form textarea")!.GetAttribute("name")!;
        Assert.Equal(LearningHub.Forms.Services.FormPrivacy.Reflection, section.GetElementById("answers-privacy")!.TextContent.Trim());
        var refused = await client.SubmitFormAsync("/norfolk/modules/child-v/sections/1", new Dictionary<string, string> { [field] = "  " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errorPage = await refused.ParseAsync();
        Assert.Equal($"#{field}", errorPage.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.StartsWith("Error:", errorPage.Title);
        Assert.Contains("0 of 3", (await client.GetDocumentAsync("/norfolk/my-learning")).QuerySelector("main")!.TextContent);

        var done = await ReflectionJourney.AnswerAsync(client, "/norfolk/modules/child-v/sections/1", _ => "I would book an interpreter myself.");
        Assert.Equal("/norfolk/modules/child-v/sections/2", done.Headers.Location!.OriginalString);
        var answered = await client.GetDocumentAsync("/norfolk/modules/child-v/sections/1");
        Assert.Empty(answered.QuerySelectorAll("main form textarea"));
        Assert.Contains("Answered", answered.QuerySelector("#reflection .govuk-tag--green")!.TextContent);

        // The answer is in the practitioner's own record.
        var record = await client.GetDocumentAsync("/norfolk/my-learning");
        Assert.Contains("I would book an interpreter myself.", record.GetElementById("reflections")!.ParentElement!.TextContent);

        var inProgress = await client.GetDocumentAsync("/norfolk/my-learning");
        Assert.Contains("1 of 3", inProgress.QuerySelector("main table")!.TextContent);

        var moduleAfterOne = await client.GetDocumentAsync("/norfolk/modules/child-v");
        Assert.Contains("Completed", moduleAfterOne.QuerySelector("#section-1-status")!.TextContent);
        Assert.Contains("Not yet started", moduleAfterOne.QuerySelector("#section-2-status")!.TextContent);

        Assert.Contains("reflective questions to answer", moduleAfterOne.QuerySelectorAll(".govuk-task-list__hint")[2].TextContent);
        Assert.DoesNotContain("reflective questions", moduleAfterOne.QuerySelectorAll(".govuk-task-list__hint")[1].TextContent);

        await client.SubmitFormAsync("/norfolk/modules/child-v/sections/2", new Dictionary<string, string>());
        var completed = await ReflectionJourney.AnswerAsync(client, "/norfolk/modules/child-v/sections/3");
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        var certificateUrl = completed.Headers.Location!.OriginalString;
        Assert.StartsWith("/norfolk/certificates/NSCB-", certificateUrl);
        var code = certificateUrl["/norfolk/certificates/".Length..].Split('?')[0];

        var certificate = await client.GetDocumentAsync(certificateUrl);
        Assert.Equal("Module completed", certificate.QuerySelector(".govuk-panel__title")!.TextContent.Trim());
        var card = certificate.QuerySelector(".lh-certificate")!.TextContent;
        Assert.Contains("Pat Practitioner", card);
        Assert.Contains("Child V", card);
        Assert.Contains(code, card);
        Assert.Contains("Norfolk Safeguarding Children Board", card);
        Assert.StartsWith("data:image/svg+xml;base64,", certificate.QuerySelector(".lh-certificate img")!.GetAttribute("src"));
        // The time shown says what it is, beside the module's own estimate.
        var details = certificate.QuerySelectorAll(".lh-certificate__details > div")
            .ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);
        Assert.Equal("1 minute", details["Time on the module's pages"]);
        Assert.Equal("About 10 minutes", details["Module's estimated time"]); // worked out: under 200 words (1 minute) and 3 questions (9)
        Assert.False(details.ContainsKey("Time spent"));

        // The completed module's page offers the certificate as a button, not a link coloured like the panel.
        var completedModule = await client.GetDocumentAsync("/norfolk/modules/child-v");
        var view = completedModule.QuerySelector("#view-certificate")!;
        Assert.Equal("View your certificate", view.TextContent.Trim());
        Assert.Contains("govuk-button", view.ClassList);
        Assert.Null(view.Closest(".govuk-panel"));
        Assert.Equal($"/norfolk/certificates/{code}", view.GetAttribute("href"));

        var mail = await Pickup.LatestMessageToAsync(_factory.PickupFolder("norfolk"), "practitioner@norfolk.demo");
        Assert.Contains("You completed Child V", mail);
        Assert.Contains($"/norfolk/certificates/{code}", mail);

        var learning = await client.GetDocumentAsync("/norfolk/my-learning");
        Assert.Contains("Version 1", learning.QuerySelectorAll("main table").Last().TextContent);

        // Anyone can check the code; they see the name, module and date and nothing else.
        var verify = await _factory.CreateBrowserClient().GetDocumentAsync($"/norfolk/verify/{code}");
        var shown = verify.QuerySelector("main")!.TextContent;
        Assert.Contains("Certificate confirmed", shown);
        Assert.Contains("Pat Practitioner", shown);
        Assert.Contains("Child V", shown);
        Assert.DoesNotContain("minutes", shown);
        Assert.DoesNotContain("practitioner@norfolk.demo", shown);

        // Not on another board, and not as someone else's certificate.
        await _factory.CreateBrowserClient().GetDocumentAsync($"/essex/verify/{code}", HttpStatusCode.NotFound);
        var other = _factory.CreateBrowserClient();
        await other.SignInAsync("norfolk", "coordinator@norfolk.demo");
        await other.GetDocumentAsync(certificateUrl, HttpStatusCode.NotFound);

        // The answers are Forms submissions, one per section form, in the section's context.
        var userId = await _factory.UserIdAsync("norfolk", "practitioner@norfolk.demo");
        var submissions = await _factory.WithBoardAsync("norfolk", db => db.Set<FormSubmission>().Include(s => s.Answers)
            .Where(s => s.UserId == userId && s.SubmittedUtc != null && s.Context.StartsWith("case-module:child-v:")).ToListAsync());
        Assert.Equal(2, submissions.Count);
        Assert.Equal(3, submissions.Sum(s => s.Answers.Count));
    }

    [Fact]
    public async Task Section_pages_need_a_sign_in()
    {
        var response = await _factory.CreateBrowserClient().GetAsync("/norfolk/modules/child-v/sections/1");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("sign-in", response.Headers.Location!.OriginalString);
    }
}
