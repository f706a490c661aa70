using System.Net;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using LearningHub.IntegrationTests.Forms;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LearningHub.IntegrationTests.Forms.FormsTestSupport;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// Forms accept answers only where they belong: an event's evaluation from those who attended it, once each, and
/// never in a context no module owns; everyone else gets a clear "you cannot answer this form here" page.
/// </summary>
public sealed class EvaluationEntitlementTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    private const string Evaluation = "entitlement-evaluation";
    private const string Practitioner = "practitioner@norfolk.demo";

    private static string Start(string context) => $"/norfolk/forms/{Evaluation}?context={Uri.EscapeDataString(context)}";

    private static string Page1(string context) => $"/norfolk/forms/{Evaluation}/page/1?context={Uri.EscapeDataString(context)}";

    private Task<int> SubmissionsAsync() =>
        factory.WithBoardAsync("norfolk", db => db.Set<FormSubmission>().CountAsync(s => db.Set<Form>().Any(f => f.Id == s.FormId && f.Key == Evaluation)));

    private static async Task<string> TokenAsync(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>Answers page 1 with the person's antiforgery token from any page: a post made without being shown the form.</summary>
    private async Task<HttpResponseMessage> AnswerAsync(HttpClient client, string context, string token)
    {
        var question = await factory.WithBoardAsync("norfolk", db => db.Set<FormQuestion>()
            .Where(q => db.Set<FormVersion>().Any(v => v.Id == q.FormVersionId && db.Set<Form>().Any(f => f.Id == v.FormId && f.Key == Evaluation)))
            .SingleAsync());
        return await client.PostAsync(Page1(context), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            [AnswerValidator.FieldName(question)] = "yes",
        }));
    }

    [Fact]
    public async Task The_evaluation_is_refused_to_a_non_attendee_in_a_made_up_context_and_a_second_time_and_accepted_from_an_attendee()
    {
        await factory.CreateFormAsync("norfolk", Evaluation, FormPurpose.EventEvaluation, anonymous: true, Q(QuestionType.YesNo, "Useful?", "useful"));
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var eventId = await factory.CreateEventAsync("norfolk", 10, d => d with { EvaluationFormKey = Evaluation, Title = "Entitlement" }, now: now);
        var context = EventFormContext.For(eventId);
        var userId = await factory.UserIdAsync("norfolk", Practitioner);
        var booking = (await factory.BookAsync("norfolk", eventId, new Booker(userId, "Pat Practitioner", Practitioner, null, null, null, null))).Booking!;
        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", Practitioner);
        var token = await TokenAsync(practitioner, $"/norfolk/events/bookings/{booking.Reference}/cancel");

        // Booked but not (yet) there: refused, on the page and on a post made anyway.
        var notYet = await practitioner.GetDocumentAsync(Start(context), HttpStatusCode.Forbidden);
        Assert.Contains("You cannot answer this form here", notYet.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await AnswerAsync(practitioner, context, token)).StatusCode);

        // An event of the same form they never booked, and made-up or borrowed contexts, are refused too.
        var notBooked = await factory.CreateEventAsync("norfolk", 10, d => d with { EvaluationFormKey = Evaluation, Title = "Not booked" }, now: now);
        foreach (var madeUp in new[] { EventFormContext.For(notBooked), EventFormContext.For(Guid.NewGuid()), "general", "madeup:1", $"event:{eventId:N}" })
        {
            await practitioner.GetDocumentAsync(Start(madeUp), HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.Forbidden, (await AnswerAsync(practitioner, madeUp, token)).StatusCode);
        }

        Assert.Equal(0, await SubmissionsAsync());

        // Once they have been checked in, they may answer.
        await factory.WithBoardServicesAsync("norfolk", s => s.GetRequiredService<EventAdmin>().CheckInAsync(booking.Id, "coordinator"));
        await practitioner.GetDocumentAsync(Start(context));
        var saved = await AnswerAsync(practitioner, context, await TokenAsync(practitioner, Page1(context)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var submitted = await practitioner.SubmitFormAsync($"/norfolk/forms/{Evaluation}/check?context={Uri.EscapeDataString(context)}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("/done", submitted.Headers.Location!.OriginalString);
        Assert.Equal(1, await SubmissionsAsync());

        // A second time: the form says it is answered, and posting again saves nothing.
        var again = await practitioner.GetDocumentAsync(Start(context));
        Assert.Contains("already answered", again.QuerySelector("main")!.TextContent);
        var second = await AnswerAsync(practitioner, context, token);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("/done", second.Headers.Location!.OriginalString);
        Assert.Equal(1, await SubmissionsAsync());
    }

    [Fact]
    public async Task A_walk_in_answers_the_evaluation_from_the_mailed_link_without_an_account_once()
    {
        const string form = "walk-in-evaluation";
        await factory.CreateFormAsync("norfolk", form, FormPurpose.EventEvaluation, anonymous: false, Q(QuestionType.YesNo, "Useful?", "useful"));
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var eventId = await factory.CreateEventAsync("norfolk", 10, d => d with { EvaluationFormKey = form, Title = "Walk-in evaluation" },
            startsIn: TimeSpan.FromHours(-1), now: now);
        var other = await factory.CreateEventAsync("norfolk", 10, d => d with { EvaluationFormKey = form, Title = "Another" }, startsIn: TimeSpan.FromHours(-1), now: now);
        await factory.WithBoardServicesAsync("norfolk", async s =>
        {
            await s.GetRequiredService<EventAdmin>().AddWalkInAsync(eventId, "Wendy Walk-in", "wendy.link@walkin.example", null, null, null, "NSCB", "coordinator");
            return await s.GetRequiredService<RegisterClosing>().CloseAsync(eventId, "coordinator");
        });
        var mail = Assert.Single(await factory.MailsAsync("norfolk", "forms.evaluation-request", "wendy.link@walkin.example"));
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(mail.TextBody, @"https?://\S+").Value);
        Assert.Contains($"{FormAnswerLinks.QueryName}=", link.Query);
        var walkIn = factory.CreateBrowserClient();

        // Without an account: the link opens the form, and its pages keep the link, so they can answer and submit.
        var start = await walkIn.GetDocumentAsync(link.PathAndQuery);
        var firstPage = start.QuerySelector("a.govuk-button--start")!.GetAttribute("href")!;
        Assert.Contains($"{FormAnswerLinks.QueryName}=", firstPage);
        var page = await walkIn.GetDocumentAsync(firstPage);
        var field = page.QuerySelector("main form [name^='q-']")!.GetAttribute("name")!;
        var saved = await walkIn.SubmitFormAsync(firstPage, new Dictionary<string, string> { [field] = "yes" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var check = saved.Headers.Location!.OriginalString;
        Assert.Contains($"{FormAnswerLinks.QueryName}=", check);
        var submitted = await walkIn.SubmitFormAsync(check, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("/done", submitted.Headers.Location!.OriginalString);
        Assert.Equal(1, await factory.WithBoardAsync("norfolk", db => db.Set<FormSubmission>()
            .CountAsync(x => x.SubmittedUtc != null && db.Set<Form>().Any(f => f.Id == x.FormId && f.Key == form))));

        // Once: the link now says the form is answered, and a second answer saves nothing.
        Assert.Contains("already answered", (await walkIn.GetDocumentAsync(link.PathAndQuery)).QuerySelector("main")!.TextContent);
        var again = await walkIn.GetAsync(firstPage);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("/done", again.Headers.Location!.OriginalString);

        // The link is for that form and event only; without it (or with it tampered) the form asks to sign in.
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)[FormAnswerLinks.QueryName]!;
        var elsewhere = $"/norfolk/forms/{form}?context={Uri.EscapeDataString(EventFormContext.For(other))}&{FormAnswerLinks.QueryName}={Uri.EscapeDataString(token)}";
        foreach (var url in new[] { link.AbsolutePath + $"?context={Uri.EscapeDataString(EventFormContext.For(eventId))}", elsewhere, link.PathAndQuery + "x" })
        {
            var refused = await walkIn.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/account/sign-in", refused.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task People_who_manage_forms_may_look_at_a_form_they_are_not_asked_but_not_answer_it()
    {
        await factory.CreateFormAsync("norfolk", "preview-only", FormPurpose.EventEvaluation, anonymous: false, Q(QuestionType.YesNo, "Useful?", "useful"));
        await factory.GrantFormsPermissionsAsync("norfolk");
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");

        await coordinator.GetDocumentAsync("/norfolk/forms/preview-only");
        var page = await coordinator.GetDocumentAsync("/norfolk/forms/preview-only/page/1");
        var field = page.QuerySelector("main form [name^='q-']")!.GetAttribute("name")!;
        var posted = await coordinator.SubmitFormAsync("/norfolk/forms/preview-only/page/1", new Dictionary<string, string> { [field] = "yes" });

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.False(await factory.WithBoardAsync("norfolk", db => db.Set<FormSubmission>().AnyAsync(s => db.Set<Form>().Any(f => f.Id == s.FormId && f.Key == "preview-only"))));
    }
}
