using System.Net;
using LearningHub.Core.Learning;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using LearningHub.IntegrationTests.Forms;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LearningHub.IntegrationTests.Forms.FormsTestSupport;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// Issue 6 acceptance 4 and issue 5's "after" mail: closing the register asks the evaluation of people marked
/// Attended, Partly attended or Walk-in only, sends no-show notices, and schedules the follow-up 90 days after the
/// event, which arrives once the clock passes it and never if the event is cancelled. Closing twice sends nothing twice;
/// marks after closing are refused.
/// </summary>
public sealed class RegisterClosingTests(RegisterClosingTests.ClosingFactory factory) : IClassFixture<RegisterClosingTests.ClosingFactory>
{
    private const string Evaluation = "close-evaluation";
    private const string FollowUp = "close-follow-up";

    [Fact]
    public async Task Closing_asks_only_attended_people_tells_no_shows_and_the_follow_up_arrives_90_days_after_the_event()
    {
        await CreateFormsAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var eventId = await factory.CreateEventAsync("norfolk", 10,
            d => d with { EvaluationFormKey = Evaluation, FollowUpFormKey = FollowUp, FollowUpToLineManager = true },
            startsIn: TimeSpan.FromDays(1), now: now);
        var attended = (await factory.BookAsync("norfolk", eventId, EventsTestData.Person(801), lineManager: "manager801@school.example")).Booking!;
        var partly = (await factory.BookAsync("norfolk", eventId, EventsTestData.Person(802))).Booking!;
        var noShow = (await factory.BookAsync("norfolk", eventId, EventsTestData.Person(803))).Booking!;
        var unmarked = (await factory.BookAsync("norfolk", eventId, EventsTestData.Person(804))).Booking!;
        var cancelled = (await factory.BookAsync("norfolk", eventId, EventsTestData.Person(805))).Booking!;
        Assert.Equal(ChangeOutcome.Done, await factory.WithBoardServicesAsync("norfolk",
            s => s.GetRequiredService<BookingChanges>().CancelAsync(cancelled.Reference, cancelled.UserId!)));

        // The register cannot close before the event starts.
        Assert.Equal(RegisterCloseOutcome.NotStarted, (await CloseAsync(eventId)).Outcome);

        factory.Clock.Advance(TimeSpan.FromHours(25));
        var walkIn = await factory.WithBoardServicesAsync("norfolk", async s =>
        {
            var admin = s.GetRequiredService<EventAdmin>();
            Assert.True(await admin.MarkAttendanceAsync(eventId, new Dictionary<Guid, AttendanceMark?>
            {
                [attended.Id] = AttendanceMark.Attended,
                [partly.Id] = AttendanceMark.PartlyAttended,
                [noShow.Id] = AttendanceMark.NoShow,
            }, "coordinator@norfolk.demo"));
            return (await admin.AddWalkInAsync(eventId, "Wendy Walk-in", "wendy@walkin.example", "GP practices", null, null, "NSCB", "coordinator@norfolk.demo"))!;
        });

        var result = await CloseAsync(eventId);

        Assert.Equal(new RegisterCloseResult(RegisterCloseOutcome.Closed, EvaluationRequests: 3, NoShowNotices: 1, FollowUps: 3), result);
        var ev = await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().AsNoTracking().SingleAsync(e => e.Id == eventId));
        Assert.Equal("coordinator@norfolk.demo", ev.RegisterClosedBy);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, ev.RegisterClosedUtc!.Value, TimeSpan.FromSeconds(1));

        // The evaluation: to the attended, the partly attended and the walk-in; never to the no-show, the unmarked or the cancelled.
        foreach (var email in new[] { attended.Email, partly.Email, walkIn.Email })
        {
            var request = Assert.Single(await factory.MailsAsync("norfolk", "forms.evaluation-request", email));
            Assert.Contains($"/norfolk/forms/{Evaluation}?context=event%3A{eventId}", request.TextBody);
        }

        foreach (var email in new[] { noShow.Email, unmarked.Email, cancelled.Email })
        {
            Assert.Empty(await factory.MailsAsync("norfolk", "forms.evaluation-request", email));
            Assert.Empty(await factory.MailsAsync("norfolk", "forms.follow-up-request", email));
        }

        // The no-show notice: to the no-show only.
        var notice = Assert.Single(await factory.MailsAsync("norfolk", EventMailTemplates.NoShow.Key, noShow.Email));
        Assert.Contains(noShow.Reference, notice.TextBody);
        Assert.Empty(await factory.MailsAsync("norfolk", EventMailTemplates.NoShow.Key, unmarked.Email));
        Assert.Empty(await factory.MailsAsync("norfolk", EventMailTemplates.NoShow.Key, attended.Email));

        // The follow-up: held until 90 days (the board's default) after the event, copied to the line manager.
        var due = ev.EndUtc.AddDays(90);
        foreach (var email in new[] { attended.Email, "manager801@school.example", partly.Email, walkIn.Email })
        {
            var followUp = Assert.Single(await factory.MailsAsync("norfolk", "forms.follow-up-request", email));
            Assert.Equal(OutboxStatus.Pending, followUp.Status);
            Assert.Equal(due, followUp.NextAttemptUtc);
        }

        // Closing again sends nothing again.
        Assert.Equal(RegisterCloseOutcome.AlreadyClosed, (await CloseAsync(eventId)).Outcome);
        Assert.Single(await factory.MailsAsync("norfolk", "forms.evaluation-request", attended.Email));
        Assert.Single(await factory.MailsAsync("norfolk", EventMailTemplates.NoShow.Key, noShow.Email));

        // Marks, walk-ins and check-ins after closing are refused and change nothing.
        await factory.WithBoardServicesAsync("norfolk", async s =>
        {
            var admin = s.GetRequiredService<EventAdmin>();
            Assert.False(await admin.MarkAttendanceAsync(eventId, new Dictionary<Guid, AttendanceMark?> { [unmarked.Id] = AttendanceMark.Attended }, "late"));
            Assert.Null(await admin.AddWalkInAsync(eventId, "Late Larry", "larry@late.example", null, null, null, "NSCB", "late"));
            Assert.Equal(CheckInOutcome.RegisterClosed, (await admin.CheckInAsync(unmarked.Id, "late")).Outcome);
            return true;
        });
        Assert.Null((await factory.BookingAsync("norfolk", unmarked.Reference)).Attendance);

        // 89 days on, the evaluation has gone and the follow-up has not; once its day comes, it has.
        var processor = factory.Services.GetRequiredService<OutboxProcessor>();
        factory.Clock.Advance(TimeSpan.FromDays(89));
        await processor.RunOnceAsync(CancellationToken.None);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await factory.MailsAsync("norfolk", "forms.evaluation-request", attended.Email)).Status);
        Assert.Equal(OutboxStatus.Pending, Assert.Single(await factory.MailsAsync("norfolk", "forms.follow-up-request", attended.Email)).Status);

        factory.Clock.Advance(due - factory.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1));
        await processor.RunOnceAsync(CancellationToken.None);
        foreach (var email in new[] { attended.Email, "manager801@school.example", walkIn.Email })
        {
            Assert.Equal(OutboxStatus.Sent, Assert.Single(await factory.MailsAsync("norfolk", "forms.follow-up-request", email)).Status);
        }

        var delivered = Directory.GetFiles(factory.PickupFolder("norfolk"), "*.eml").Select(File.ReadAllText).ToList();
        // Only the follow-up went to the line manager, so their address in the pickup folder is the follow-up arriving.
        Assert.Contains(delivered, f => f.Contains("manager801@school.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_event_cancelled_after_its_register_closed_sends_no_follow_up()
    {
        await CreateFormsAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var eventId = await factory.CreateEventAsync("norfolk", 10, d => d with { EvaluationFormKey = Evaluation, FollowUpFormKey = FollowUp, FollowUpDays = 30 },
            startsIn: TimeSpan.FromHours(2), now: now);
        var booking = (await factory.BookAsync("norfolk", eventId, EventsTestData.Person(811))).Booking!;
        factory.Clock.Advance(TimeSpan.FromHours(3));
        await factory.WithBoardServicesAsync("norfolk", s => s.GetRequiredService<EventAdmin>()
            .MarkAttendanceAsync(eventId, new Dictionary<Guid, AttendanceMark?> { [booking.Id] = AttendanceMark.Attended }, "coordinator"));
        Assert.Equal(1, (await CloseAsync(eventId)).FollowUps);
        var ev = await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().AsNoTracking().SingleAsync(e => e.Id == eventId));
        Assert.Equal(ev.EndUtc.AddDays(30), Assert.Single(await factory.MailsAsync("norfolk", "forms.follow-up-request", booking.Email)).NextAttemptUtc);

        await factory.WithBoardServicesAsync("norfolk", async s =>
        {
            await s.GetRequiredService<EventAdmin>().CancelAsync(eventId);
            return true;
        });

        factory.Clock.Advance(TimeSpan.FromDays(31));
        await factory.Services.GetRequiredService<OutboxProcessor>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(OutboxStatus.Cancelled, Assert.Single(await factory.MailsAsync("norfolk", "forms.follow-up-request", booking.Email)).Status);
    }

    [Fact]
    public async Task The_coordinator_closes_the_register_on_its_page_and_cannot_change_marks_afterwards()
    {
        await CreateFormsAsync();
        await factory.GrantEventsManageAsync("norfolk");
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var eventId = await factory.CreateEventAsync("norfolk", 10, d => d with { EvaluationFormKey = Evaluation }, startsIn: TimeSpan.FromHours(1), now: now);
        var booking = (await factory.BookAsync("norfolk", eventId, EventsTestData.Person(821))).Booking!;
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var register = $"/norfolk/events/manage/{eventId}/register";

        var early = await client.SubmitFormAsync(register, new Dictionary<string, string>(), $"{register}?handler=Close");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("once the event has started", (await early.ParseAsync()).QuerySelector(".govuk-error-summary")!.TextContent);

        factory.Clock.Advance(TimeSpan.FromHours(2));
        var marked = await client.SubmitFormAsync(register, new Dictionary<string, string> { [$"Marks[{booking.Id}]"] = "Attended" }, $"{register}?handler=Marks");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        // Closing asks first: the register links to a check page naming what is sent and to whom; nothing is sent yet.
        var before = await client.GetDocumentAsync(register);
        Assert.Null(before.QuerySelector("#close-effects"));
        var confirm = before.QuerySelectorAll("a.govuk-button").Single(a => a.TextContent.Trim() == "Close the register").GetAttribute("href")!;
        var check = await client.GetDocumentAsync(confirm);
        Assert.Equal("Check before you close the register", check.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"“Form {Evaluation}”", check.QuerySelector("#close-effects")!.TextContent);
        Assert.Contains("Person 821", check.QuerySelector("#close-effects")!.TextContent);
        Assert.Empty(await factory.MailsAsync("norfolk", "forms.evaluation-request", booking.Email));

        var closed = await client.SubmitFormAsync(confirm, new Dictionary<string, string>(), $"{register}?handler=Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var page = await client.GetDocumentAsync(register);
        Assert.Contains("1 evaluation request", page.QuerySelector("#register-notice")!.TextContent);
        Assert.Contains("closed by coordinator@norfolk.demo", page.QuerySelector("#register-closed")!.TextContent);
        Assert.Null(page.QuerySelector($"select[name='Marks[{booking.Id}]']"));
        Assert.Null(page.QuerySelector("#close-register"));
        Assert.Single(await factory.MailsAsync("norfolk", "forms.evaluation-request", booking.Email));
        Assert.Contains("closed by coordinator@norfolk.demo", (await client.GetDocumentAsync($"/norfolk/events/manage/{eventId}")).QuerySelector("#register-state")!.TextContent);

        // A second click of the button (or a stale page) sends nothing more.
        var again = await client.SubmitFormAsync($"/norfolk/events/manage/{eventId}", new Dictionary<string, string>(), $"{register}?handler=Close");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Single(await factory.MailsAsync("norfolk", "forms.evaluation-request", booking.Email));

        // A stale register page posting marks gets a clear refusal, not a silent change.
        var late = await client.SubmitFormAsync($"/norfolk/events/manage/{eventId}", new Dictionary<string, string> { [$"Marks[{booking.Id}]"] = "NoShow" },
            $"{register}?handler=Marks");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains(LearningHub.Events.Pages.Events.Manage.RegisterModel.ClosedMessage, (await late.ParseAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal(AttendanceMark.Attended, (await factory.BookingAsync("norfolk", booking.Reference)).Attendance);
    }

    private Task<RegisterCloseResult> CloseAsync(Guid eventId) =>
        factory.WithBoardServicesAsync("norfolk", s => s.GetRequiredService<RegisterClosing>().CloseAsync(eventId, "coordinator@norfolk.demo"));

    private async Task CreateFormsAsync()
    {
        if (await factory.WithBoardAsync("norfolk", db => db.Set<Form>().AnyAsync(f => f.Key == Evaluation)))
        {
            return;
        }

        await factory.CreateFormAsync("norfolk", Evaluation, FormPurpose.EventEvaluation, false, Q(QuestionType.Scale, "How confident are you now?", "confidence"));
        await factory.CreateFormAsync("norfolk", FollowUp, FormPurpose.FollowUp, false, Q(QuestionType.LongText, "What has changed in your practice?", "changed"));
    }

    /// <summary>The events factory with the mail dispatcher off: the test runs each pass after moving the clock.</summary>
    public sealed class ClosingFactory : EventsFactory
    {
        protected override IReadOnlyDictionary<string, string?> EventSettings => new Dictionary<string, string?>
        {
            ["Notifications:DispatcherEnabled"] = "false",
        };
    }
}
