using LearningHub.Core.Data;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LearningHub.IntegrationTests.Forms.FormsTestSupport;

namespace LearningHub.IntegrationTests.Forms;

/// <summary>
/// The follow-up scheduling API Events will call (acceptance 4 needs Events for "attended only"): a
/// follow-up due in 90 days is not sent before then, is sent once the clock passes it, goes to the
/// line manager too when asked, and is not sent at all once called off (a cancelled booking).
/// </summary>
public sealed class FollowUpTests(FollowUpTests.ClockFactory factory) : IClassFixture<FollowUpTests.ClockFactory>
{
    private static readonly Uri Site = new("https://learning.example.org");

    [Fact]
    public async Task A_follow_up_goes_90_days_later_to_the_person_and_line_manager_and_not_once_cancelled()
    {
        await factory.CreateFormAsync("norfolk", "follow-up-90", FormPurpose.FollowUp, false,
            Q(QuestionType.Scale, "How confident are you now?", "confidence-coercive-control"));
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var due = now.AddDays(90);
        var kept = new FormRequest("follow-up-90", "event:42", new FormRecipient("user-kept", "Kim Kept", "kim@school.example"), "Coercive control briefing", Site);
        var cancelled = new FormRequest("follow-up-90", "event:42", new FormRecipient("user-gone", "Gil Gone", "gil@school.example"), "Coercive control briefing", Site);

        await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var requests = services.GetRequiredService<FormRequests>();
            Assert.True(await requests.ScheduleFollowUpAsync(kept, due, lineManagerEmail: "manager@school.example"));
            Assert.True(await requests.ScheduleFollowUpAsync(cancelled, due));
            return await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
        });
        // Asking twice schedules once.
        Assert.False(await factory.WithBoardServicesAsync("norfolk", s => s.GetRequiredService<FormRequests>().ScheduleFollowUpAsync(kept, due)));
        // The booking of the second person is cancelled.
        await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            Assert.True(await services.GetRequiredService<FormRequests>().CancelFollowUpAsync("follow-up-90", "event:42", "user-gone"));
            return await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
        });

        var processor = factory.Services.GetRequiredService<OutboxProcessor>();
        factory.Clock.Advance(TimeSpan.FromDays(89));
        await processor.RunOnceAsync(CancellationToken.None);
        var messages = await factory.WithBoardAsync("norfolk", db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Category == "forms.follow-up-request").ToListAsync());
        Assert.Equal(3, messages.Count);
        Assert.All(messages.Where(m => m.ToAddress != "gil@school.example"), m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.Equal(due, m.NextAttemptUtc);
        });
        Assert.Equal(OutboxStatus.Cancelled, messages.Single(m => m.ToAddress == "gil@school.example").Status);

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await processor.RunOnceAsync(CancellationToken.None);
        messages = await factory.WithBoardAsync("norfolk", db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Category == "forms.follow-up-request").ToListAsync());
        Assert.Equal(OutboxStatus.Sent, messages.Single(m => m.ToAddress == "kim@school.example").Status);
        Assert.Equal(OutboxStatus.Sent, messages.Single(m => m.ToAddress == "manager@school.example").Status);
        Assert.Equal(OutboxStatus.Cancelled, messages.Single(m => m.ToAddress == "gil@school.example").Status);
        var toKim = messages.Single(m => m.ToAddress == "kim@school.example");
        Assert.Contains("https://learning.example.org/norfolk/forms/follow-up-90?context=event%3A42", toKim.TextBody);
        Assert.Contains("Coercive control briefing", toKim.Subject);
        var files = Directory.GetFiles(factory.PickupFolder("norfolk"), "*.eml").Select(File.ReadAllText).ToList();
        Assert.Contains(files, f => f.Contains("kim@school.example"));
        Assert.DoesNotContain(files, f => f.Contains("gil@school.example"));
    }

    [Fact]
    public async Task An_evaluation_request_goes_now_once_and_names_the_form()
    {
        await factory.CreateFormAsync("norfolk", "evaluation-now", FormPurpose.EventEvaluation, true,
            Q(QuestionType.YesNo, "Would you recommend it?", "recommend"));
        var request = new FormRequest("evaluation-now", "event:9", new FormRecipient("user-9", "Nia Nine", "nia@school.example"), "Neglect roadshow, Norwich", Site);
        var first = await factory.WithBoardServicesAsync("norfolk", async s =>
        {
            var queued = await s.GetRequiredService<FormRequests>().RequestEvaluationAsync(request);
            await s.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
            return queued;
        });
        var second = await factory.WithBoardServicesAsync("norfolk", s => s.GetRequiredService<FormRequests>().RequestEvaluationAsync(request));

        Assert.True(first);
        Assert.False(second);
        var message = await factory.WithBoardAsync("norfolk", db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.ToAddress == "nia@school.example"));
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, message.NextAttemptUtc);
        Assert.Contains("Form evaluation-now", message.TextBody);
        Assert.Contains("Neglect roadshow, Norwich", message.Subject);
    }

    /// <summary>A site with a clock the test moves, and no background dispatcher (the test runs each pass).</summary>
    public sealed class ClockFactory : LearningHubFactory
    {
        public MovableClock Clock { get; } = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Notifications:DispatcherEnabled"] = "false",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    public sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
