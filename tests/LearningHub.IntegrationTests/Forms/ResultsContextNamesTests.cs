using LearningHub.Core.Time;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LearningHub.IntegrationTests.Forms.FormsTestSupport;

namespace LearningHub.IntegrationTests.Forms;

/// <summary>The results filter names where a form was answered as people know it (the event's title and date), asked of the context's owner.</summary>
public sealed class ResultsContextNamesTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task The_where_answered_filter_lists_event_names_with_the_context_as_the_value()
    {
        await factory.GrantFormsPermissionsAsync("norfolk");
        var formId = await factory.CreateFormAsync("norfolk", "named-contexts", FormPurpose.EventEvaluation, anonymous: false,
            Q(QuestionType.ShortText, "What did you learn?", "learned"));
        var eventId = await factory.CreateEventAsync("norfolk", 10, d => d with { Title = "Neglect in teenagers", EvaluationFormKey = "named-contexts" });
        var startUtc = await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().Where(e => e.Id == eventId).Select(e => e.StartUtc).SingleAsync());
        await factory.SubmitAsync("norfolk", "named-contexts", EventFormContext.For(eventId), "someone", new() { ["learned"] = ["To ask"] });

        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var results = await coordinator.GetDocumentAsync($"/norfolk/admin/forms/{formId}/results");

        var option = results.QuerySelectorAll("#Filter_Context option").Single(o => o.GetAttribute("value") == EventFormContext.For(eventId));
        Assert.Equal($"Neglect in teenagers, {LondonTime.Date(startUtc)}", option.TextContent.Trim());
        Assert.DoesNotContain(results.QuerySelectorAll("#Filter_Context option"), o => o.TextContent.StartsWith("event:"));
    }
}
