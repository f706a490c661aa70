using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using LearningHub.IntegrationTests.Forms;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LearningHub.IntegrationTests.Forms.FormsTestSupport;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// The baseline asked on booking (confirmation page and mail link to the form in the event's context, so before,
/// after and later compare for the event), and attendance credited to linked case modules when the event says so.
/// </summary>
public sealed class EventFormsTests(EventFormsTests.CreditFactory factory) : IClassFixture<EventFormsTests.CreditFactory>
{
    private const string Baseline = "forms-test-baseline";
    private const string Evaluation = "forms-test-evaluation";

    [Fact]
    public async Task A_confirmed_booking_asks_the_baseline_and_its_answers_compare_with_the_evaluation_of_the_same_event()
    {
        await factory.CreateFormAsync("norfolk", Baseline, FormPurpose.EventBaseline, false, Q(QuestionType.Scale, "How confident are you?", "confidence-test"));
        await factory.CreateFormAsync("norfolk", Evaluation, FormPurpose.EventEvaluation, false, Q(QuestionType.Scale, "How confident are you now?", "confidence-test"));
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var eventId = await factory.CreateEventAsync("norfolk", 10, d => d with { BaselineFormKey = Baseline, EvaluationFormKey = Evaluation }, now: now);
        var context = $"event:{eventId}";
        var userId = await factory.UserIdAsync("norfolk", "practitioner@norfolk.demo");
        var booking = (await factory.BookAsync("norfolk", eventId,
            new Booker(userId, "Pat Practitioner", "practitioner@norfolk.demo", null, null, null, null))).Booking!;

        // The confirmation mail is the one with the baseline link, to the form in the event's context.
        Assert.Empty(await factory.MailsAsync("norfolk", EventMailTemplates.Confirmed.Key, booking.Email));
        var confirmation = Assert.Single(await factory.MailsAsync("norfolk", EventMailTemplates.ConfirmedWithBaseline.Key, booking.Email));
        var link = $"/norfolk/forms/{Baseline}?context=event%3A{eventId}";
        Assert.Contains(link, confirmation.TextBody);
        Assert.Contains(link, confirmation.HtmlBody);
        Assert.Contains("METHOD:REQUEST", confirmation.AttachmentContent);

        // The confirmation page links it too, coming back to the booking; once answered, it thanks instead.
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var page = await client.GetDocumentAsync($"/norfolk/events/bookings/{booking.Reference}?booked=true");
        var href = page.QuerySelector("#baseline-link")!.GetAttribute("href")!;
        Assert.StartsWith(link, href);
        Assert.Contains($"returnUrl=%2Fnorfolk%2Fevents%2Fbookings%2F{booking.Reference}", href);
        await client.GetDocumentAsync(href);

        await factory.SubmitAsync("norfolk", Baseline, context, userId, new() { ["confidence-test"] = ["2"] });
        page = await client.GetDocumentAsync($"/norfolk/events/bookings/{booking.Reference}");
        Assert.Null(page.QuerySelector("#baseline-link"));
        Assert.Contains("you have answered the questions before the event", page.QuerySelector("main")!.TextContent);

        // Before and after, compared for this event only.
        await factory.SubmitAsync("norfolk", Evaluation, context, userId, new() { ["confidence-test"] = ["4"] });
        await factory.SubmitAsync("norfolk", Evaluation, "event:another", "someone-else", new() { ["confidence-test"] = ["1"] });
        var comparison = await factory.WithBoardServicesAsync("norfolk", async s =>
        {
            var form = await s.GetRequiredService<LearningHubDbContext>().Set<Form>().AsNoTracking().SingleAsync(f => f.Key == Evaluation);
            return (await s.GetRequiredService<FormResults>().ForFormAsync(form, new ResultsFilter(Context: context))).Comparisons;
        });
        var points = Assert.Single(comparison, c => c.QuestionKey == "confidence-test").Points;
        Assert.Equal(2.0, points.Single(p => p.Purpose == FormPurpose.EventBaseline).Mean);
        Assert.Equal(4.0, points.Single(p => p.Purpose == FormPurpose.EventEvaluation).Mean);
    }

    [Fact]
    public async Task Attendance_credits_each_linked_module_only_when_the_event_counts_it()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var counting = await factory.CreateEventAsync("norfolk", 10,
            d => d with { LinkedModules = ["case-y", "case-r"], AttendanceCountsTowardModules = true }, now: now);
        var notCounting = await factory.CreateEventAsync("norfolk", 10, d => d with { LinkedModules = ["case-y"] }, now: now);
        var attended = (await factory.BookAsync("norfolk", counting, EventsTestData.Person(901))).Booking!;
        var partly = (await factory.BookAsync("norfolk", counting, EventsTestData.Person(902))).Booking!;
        var scanned = (await factory.BookAsync("norfolk", counting, EventsTestData.Person(903))).Booking!;
        var elsewhere = (await factory.BookAsync("norfolk", notCounting, EventsTestData.Person(904))).Booking!;

        await factory.WithBoardServicesAsync("norfolk", async s =>
        {
            var admin = s.GetRequiredService<EventAdmin>();
            await admin.MarkAttendanceAsync(counting, new Dictionary<Guid, AttendanceMark?>
            {
                [attended.Id] = AttendanceMark.Attended,
                [partly.Id] = AttendanceMark.PartlyAttended,
            }, "coordinator");
            await admin.MarkAttendanceAsync(notCounting, new Dictionary<Guid, AttendanceMark?> { [elsewhere.Id] = AttendanceMark.Attended }, "coordinator");
            await admin.CheckInAsync(scanned.Id, "coordinator");
            // Saving the same marks again credits nothing again.
            await admin.MarkAttendanceAsync(counting, new Dictionary<Guid, AttendanceMark?> { [attended.Id] = AttendanceMark.Attended }, "coordinator");
            return true;
        });

        var credits = factory.Credits.Received.Where(c => c.UserId is "user-901" or "user-902" or "user-903" or "user-904").ToList();
        Assert.Equal(
            ["user-901:case-r", "user-901:case-y", "user-903:case-r", "user-903:case-y"],
            credits.Select(c => $"{c.UserId}:{c.ModuleKey}").Order().ToArray());
        Assert.All(credits, c => Assert.Equal("Learning from Case Y", c.Source));
        // The credit joined the register's own save: it was called while the mark was still unsaved.
        Assert.All(factory.Credits.SawUnsavedMark.Where(kv => kv.Key.StartsWith("user-90", StringComparison.Ordinal)), kv => Assert.True(kv.Value));
    }

    /// <summary>Records each credit, and whether the mark that caused it was still waiting for the caller's SaveChanges.</summary>
    public sealed class RecordingCredit(LearningHubDbContext db, RecordingLog log) : IAttendanceCredit
    {
        public Task CreditAsync(AttendanceCredit credit, CancellationToken cancellationToken = default)
        {
            log.Received.Add(credit);
            log.SawUnsavedMark[$"{credit.UserId}:{credit.ModuleKey}"] =
                db.ChangeTracker.Entries<Booking>().Any(e => e.Entity.UserId == credit.UserId && e.State == EntityState.Modified);
            return Task.CompletedTask;
        }
    }

    public sealed class RecordingLog
    {
        public System.Collections.Concurrent.ConcurrentBag<AttendanceCredit> Received { get; } = [];

        public System.Collections.Concurrent.ConcurrentDictionary<string, bool> SawUnsavedMark { get; } = new();
    }

    /// <summary>The events factory with a recording <see cref="IAttendanceCredit"/> (Cases provides the real one).</summary>
    public sealed class CreditFactory : EventsFactory
    {
        public RecordingLog Credits { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(Credits);
                services.AddScoped<IAttendanceCredit>(sp => new RecordingCredit(sp.GetRequiredService<LearningHubDbContext>(), sp.GetRequiredService<RecordingLog>()));
            });
        }
    }
}
