using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LearningHub.IntegrationTests.Forms.FormsTestSupport;

namespace LearningHub.IntegrationTests.Forms;

/// <summary>Acceptance 5: anonymous results never show a name or email, anywhere, and groups under five are withheld.</summary>
public sealed class AnonymousResultsTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private static readonly string[] Agreement = ["Fully", "Mostly", "Partly", "Not at all"];

    [Fact]
    public async Task Anonymous_results_hide_who_answered_and_withhold_small_groups()
    {
        await factory.GrantFormsPermissionsAsync("norfolk");
        var formId = await factory.CreateFormAsync("norfolk", "anon-evaluation", FormPurpose.EventEvaluation, anonymous: true,
            Q(QuestionType.SingleChoice, "How well did it meet its objectives?", "objectives", options: Agreement),
            Q(QuestionType.Scale, "How confident are you in recognising coercive control?", "confidence-coercive-control"),
            Q(QuestionType.LongText, "What will you do differently?", "differently"));
        // The practitioner attended an event that asks this evaluation: only they may answer it there.
        var userId = await factory.UserIdAsync("norfolk", "practitioner@norfolk.demo");
        var eventId = await factory.CreateEventAsync("norfolk", 10, d => d with { EvaluationFormKey = "anon-evaluation" });
        var booking = (await factory.BookAsync("norfolk", eventId, new Booker(userId, "Pat Practitioner", "practitioner@norfolk.demo", null, null, null, null))).Booking!;
        await factory.WithBoardServicesAsync("norfolk", s => s.GetRequiredService<EventAdmin>().CheckInAsync(booking.Id, "coordinator"));
        var context = EventFormContext.For(eventId);
        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var page1 = $"/norfolk/forms/anon-evaluation/page/1?context={context}";
        var names = (await practitioner.GetDocumentAsync(page1)).QuerySelectorAll("main form [name^='q-']").Select(e => e.GetAttribute("name")!).Distinct().ToList();
        await practitioner.SubmitFormAsync(page1, new Dictionary<string, string> { [names[0]] = "Partly", [names[1]] = "2", [names[2]] = "Talk to the dad" });
        await practitioner.SubmitFormAsync($"/norfolk/forms/anon-evaluation/check?context={context}", new Dictionary<string, string>());

        var stored = await factory.WithBoardAsync("norfolk", db => db.Set<FormSubmission>().AsNoTracking().SingleAsync(s => s.FormId == formId));
        Assert.Null(stored.UserId);
        Assert.Null(stored.RespondentName);
        Assert.Null(stored.RespondentEmail);
        Assert.Equal(TimeSpan.Zero, stored.SubmittedUtc!.Value.TimeOfDay);
        Assert.True(await factory.WithBoardAsync("norfolk", db => db.Set<FormResponseReceipt>().AnyAsync(r => r.FormId == formId && r.UserId == userId)));

        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var url = $"/norfolk/admin/forms/{formId}/results";
        var html = await (await coordinator.GetAsync(url)).Content.ReadAsStringAsync();
        var csv = await (await coordinator.GetAsync(url + "?handler=Csv")).Content.ReadAsStringAsync();
        foreach (var identifying in new[] { "Pat Practitioner", "practitioner@norfolk.demo", userId })
        {
            Assert.DoesNotContain(identifying, html);
            Assert.DoesNotContain(identifying, csv);
        }

        // One answer: every count and the free text are withheld.
        var page = await coordinator.GetDocumentAsync(url);
        Assert.Contains("too few to show", page.GetElementById("answer-count")!.TextContent);
        Assert.DoesNotContain("Talk to the dad", html);
        Assert.DoesNotContain("Talk to the dad", csv);
        Assert.Contains("Too few to show", csv);
        Assert.All(page.QuerySelectorAll("tbody tr"), row => Assert.Contains("too few to show", row.TextContent));

        // Five more: the totals show, but an answer given by fewer than five people is still withheld.
        for (var i = 0; i < 5; i++)
        {
            await factory.SubmitAsync("norfolk", "anon-evaluation", context, $"made-up-{i}",
                new() { ["objectives"] = ["Fully"], ["confidence-coercive-control"] = ["4"], ["differently"] = [$"Idea {i}"] });
        }

        page = await coordinator.GetDocumentAsync(url);
        Assert.Contains("6 people have answered", page.GetElementById("answer-count")!.TextContent);
        Assert.Equal("5", page.QuerySelectorAll("tr").First(r => r.QuerySelector("th")?.TextContent == "Fully").QuerySelectorAll("td")[0].TextContent);
        Assert.Contains("too few to show", page.QuerySelectorAll("tr").First(r => r.QuerySelector("th")?.TextContent == "Partly").TextContent);
        Assert.Contains("Talk to the dad", page.QuerySelector("main")!.TextContent);
        html = await (await coordinator.GetAsync(url)).Content.ReadAsStringAsync();
        csv = await (await coordinator.GetAsync(url + "?handler=Csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("practitioner@norfolk.demo", html + csv);
        Assert.DoesNotContain("Pat Practitioner", html + csv);
        Assert.DoesNotContain("Name", csv.Split('\n')[0]);
        Assert.Equal(7, csv.Trim().Split('\n').Length);
    }
}
