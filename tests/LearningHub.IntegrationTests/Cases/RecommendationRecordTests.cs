using System.Net;
using LearningHub.Cases.Domain;
using LearningHub.Core.Audit;
using LearningHub.Core.Learning;
using LearningHub.Events.Domain;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>
/// A published recommendation's page: the board records its status changes (audited; Not accepted needs a reason),
/// and the page lists the learning linked to it (its module, events, roadshows and their forms).
/// </summary>
public sealed class RecommendationRecordTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private static Dictionary<string, string> Change(string status, string? note = null, string? evidence = null, string? owner = null,
        DateOnly? on = null, DateOnly? target = null)
    {
        var date = on ?? new DateOnly(2026, 3, 2);
        var fields = new Dictionary<string, string>
        {
            ["Input.Status"] = status,
            ["Input.On.Day"] = $"{date.Day}",
            ["Input.On.Month"] = $"{date.Month}",
            ["Input.On.Year"] = $"{date.Year}",
            ["Input.Note"] = note ?? "",
            ["Input.EvidenceUrl"] = evidence ?? "",
            ["Input.OwnerAgency"] = owner ?? "",
            ["Input.TargetDate.Day"] = target is { } t ? $"{t.Day}" : "",
            ["Input.TargetDate.Month"] = target is { } t2 ? $"{t2.Month}" : "",
            ["Input.TargetDate.Year"] = target is { } t3 ? $"{t3.Year}" : "",
        };
        return fields;
    }

    [Fact]
    public async Task Status_changes_are_kept_as_an_audited_history_and_Not_accepted_needs_a_reason()
    {
        await CaseFixtures.ApplyAsync(factory.Services, "norfolk", CaseFixtures.ChildV("recorded-v", "Recorded V"));
        const string url = "/norfolk/recommendations/recorded-v/1";
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        var first = await admin.GetDocumentAsync(url);
        Assert.Equal("Accepted", first.QuerySelector("#current-status")!.TextContent.Trim());
        Assert.NotNull(first.QuerySelector("#no-history"));
        // The list links each recommendation to its page.
        Assert.NotNull((await admin.GetDocumentAsync("/norfolk/recommendations?module=recorded-v")).QuerySelector($"#recommendations a[href='{url}']"));

        // Not accepted without a reason: the error is linked to the note, what was typed is kept, nothing is saved.
        var refused = await admin.SubmitFormAsync(url, Change("NotAccepted", evidence: "https://example.org/minutes"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await refused.ParseAsync();
        var summary = refusedPage.QuerySelector(".govuk-error-summary a[href='#Input_Note']");
        Assert.Equal("Enter why the recommendation was not accepted", summary?.TextContent.Trim());
        Assert.Equal("https://example.org/minutes", refusedPage.QuerySelector("#Input_EvidenceUrl")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithBoardAsync("norfolk", db => db.Set<RecommendationUpdate>().CountAsync()));

        // A date in the future and an evidence link that is not a web address are refused too.
        var future = await (await admin.SubmitFormAsync(url, Change("Completed", evidence: "minutes.docx", on: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3)))).ParseAsync();
        Assert.NotNull(future.QuerySelector(".govuk-error-summary a[href='#Input_On']"));
        Assert.NotNull(future.QuerySelector(".govuk-error-summary a[href='#Input_EvidenceUrl']"));

        var agency = await factory.WithBoardAsync("norfolk", db => db.Agencies.OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).FirstAsync());
        var planned = await admin.SubmitFormAsync(url, Change("ActionPlanned", "Interpreter guidance to be rewritten.", "https://example.org/plan",
            agency.Id.ToString(), new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 31)));
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var notAccepted = await admin.SubmitFormAsync(url, Change("NotAccepted", "The national guidance already covers it."));
        Assert.Equal(HttpStatusCode.Redirect, notAccepted.StatusCode);

        var page = await admin.GetDocumentAsync(url);
        Assert.Equal("Not accepted", page.QuerySelector("#current-status")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("#history tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("The national guidance already covers it.", rows[0]);
        Assert.Contains("Action planned", rows[1]);
        Assert.Contains(agency.Name, rows[1]);
        Assert.Contains("31 March 2027", rows[1]);
        Assert.NotNull(page.QuerySelector("#history a[href='https://example.org/plan']"));
        // The list and its status filter use the current status.
        Assert.Single((await admin.GetDocumentAsync("/norfolk/recommendations?module=recorded-v&status=NotAccepted")).QuerySelectorAll("#recommendations tbody tr"));

        var entries = await factory.WithBoardAsync("norfolk", db => db.Set<AuditEntry>()
            .Where(e => e.Action == "cases.recommendation.status_recorded" && e.TargetId == "recorded-v/1").OrderBy(e => e.OccurredUtc).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.Contains("\"before\":\"Accepted\",\"after\":\"ActionPlanned\"", entries[0].ChangesJson);
        Assert.Contains("https://example.org/plan", entries[0].ChangesJson);
        Assert.Contains("\"before\":\"ActionPlanned\",\"after\":\"NotAccepted\"", entries[1].ChangesJson);
        Assert.All(entries, e => Assert.NotNull(e.ActorUserId));

        // A coordinator sees the page but not the form, and cannot post a change; another board finds no such recommendation.
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var seen = await coordinator.GetDocumentAsync(url);
        Assert.Null(seen.QuerySelector("main form[method=post]"));
        // (the token comes from a page of the coordinator's with a form, so the post reaches the permission check)
        var forbidden = await coordinator.SubmitFormAsync("/norfolk/events/manage/edit", Change("Completed", "Done"), action: url);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(2, await factory.WithBoardAsync("norfolk", db => db.Set<RecommendationUpdate>().CountAsync()));
        var essex = factory.CreateBrowserClient();
        await essex.SignInAsync("essex", "admin@essex.demo");
        await essex.GetDocumentAsync("/essex/recommendations/recorded-v/1", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Events_are_linked_to_modules_and_recommendations_from_lists_and_the_recommendation_page_lists_them()
    {
        await CaseFixtures.ApplyAsync(factory.Services, "norfolk", CaseFixtures.ChildV("linked-v", "Linked V"));
        var eventId = await factory.CreateEventAsync("norfolk", 20, d => d with
        {
            Title = "Interpreters briefing",
            LinkedModules = ["linked-v"],
            LinkedRecommendations = [new RecommendationRef("linked-v", "2")],
            EvaluationFormKey = "event-evaluation",
        });

        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        var page = await admin.GetDocumentAsync("/norfolk/recommendations/linked-v/2");
        var learning = page.QuerySelector("#answering-learning")!;
        Assert.NotNull(learning.QuerySelector("a[href='/norfolk/modules/linked-v']"));
        Assert.NotNull(learning.QuerySelector($"a[href='/norfolk/events/{eventId}']"));
        Assert.Contains("Evaluation form", learning.TextContent);
        Assert.DoesNotContain("Interpreters briefing", (await admin.GetDocumentAsync("/norfolk/recommendations/linked-v/1")).QuerySelector("#answering-learning")!.TextContent);

        // The coordinator ticks from lists: the event's links are shown ticked, and are changed by ticking others.
        var editUrl = $"/norfolk/events/manage/edit/{eventId}";
        var edit = await admin.GetDocumentAsync(editUrl);
        Assert.NotNull(edit.QuerySelector("input[name='Input.LinkedModules'][value='linked-v'][checked]"));
        Assert.NotNull(edit.QuerySelector("input[name='Input.LinkedRecommendations'][value='linked-v|2'][checked]"));
        Assert.Null(edit.QuerySelector("input[name='Input.LinkedRecommendations'][value='linked-v|3'][checked]"));
        Assert.NotNull(edit.QuerySelector("input[name='Input.LinkedRecommendations'][value='linked-v|3']"));

        var fields = edit.QuerySelectorAll("main form input, main form select, main form textarea")
            .Where(e => e.GetAttribute("name") is { } n && n != "Input.LinkedModules" && n != "Input.LinkedRecommendations"
                        && (e.GetAttribute("type") != "checkbox" || e.HasAttribute("checked")))
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!,
                e is AngleSharp.Html.Dom.IHtmlSelectElement s ? s.Value ?? "" : e is AngleSharp.Html.Dom.IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value") ?? ""))
            .ToList();
        async Task<HttpResponseMessage> Post(params (string Name, string Value)[] links) =>
            await admin.PostAsync(editUrl, new FormUrlEncodedContent([.. fields, .. links.Select(l => new KeyValuePair<string, string>(l.Name, l.Value))]));

        // A module that is not in the list is refused, with the error linked to the field and nothing saved.
        var refused = await (await Post(("Input.LinkedModules", "no-such-module"), ("Input.LinkedRecommendations", "linked-v|3"))).ParseAsync();
        Assert.NotNull(refused.QuerySelector(".govuk-error-summary a[href='#Input_LinkedModules']"));
        Assert.NotNull(refused.QuerySelector("input[name='Input.LinkedRecommendations'][value='linked-v|3'][checked]"));

        Assert.Equal(HttpStatusCode.Redirect, (await Post(("Input.LinkedRecommendations", "linked-v|3"), ("Input.LinkedRecommendations", "linked-v|1"))).StatusCode);
        var links = await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => e.Links.OrderBy(l => l.Position).Select(l => new { l.ModuleKey, l.RecommendationNumber }).ToList()).SingleAsync());
        Assert.Equal([new { ModuleKey = "linked-v", RecommendationNumber = (string?)"3" }, new { ModuleKey = "linked-v", RecommendationNumber = (string?)"1" }], links);
        Assert.Contains("Interpreters briefing", (await admin.GetDocumentAsync("/norfolk/recommendations/linked-v/1")).QuerySelector("#answering-learning")!.TextContent);
    }
}
