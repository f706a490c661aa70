using LearningHub.E2E.Infrastructure;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Privacy;

/// <summary>The retention job as it runs in production: its own timer, the injected clock deciding the day.</summary>
public sealed class RetentionBackgroundTests : IClassFixture<TickingRetentionFactory>
{
    private readonly TickingRetentionFactory _factory;

    public RetentionBackgroundTests(TickingRetentionFactory factory) => _factory = factory;

    [Fact]
    public async Task Background_job_runs_each_board_once_a_day_as_the_clock_moves()
    {
        _factory.CreateClient().Dispose(); // starts the host and its background services

        // Started: the first tick runs today's retention for each board, and later ticks the same day do not.
        await Poll.UntilAsync(async () => (await _factory.RetentionEntriesAsync("norfolk")).Count == 1
            && (await _factory.RetentionEntriesAsync("essex")).Count == 1,
            TimeSpan.FromSeconds(30), () => "The job did not run on start for both boards");

        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        // Sent 90 days ago less twelve hours: kept today, expired tomorrow.
        var mail = await _factory.MailAsync("norfolk", "tomorrow@school.example", OutboxStatus.Sent, now.AddDays(-91), now.AddDays(-90).AddHours(12));
        Assert.Single(await _factory.RetentionEntriesAsync("norfolk"));
        Assert.Equal("tomorrow@school.example", (await _factory.DbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == mail))).ToAddress);

        _factory.Clock.Advance(TimeSpan.FromDays(1));

        await Poll.UntilAsync(async () => (await _factory.RetentionEntriesAsync("norfolk")).Count == 2,
            TimeSpan.FromSeconds(30), () => "The job did not run again the next day");
        var entries = await _factory.RetentionEntriesAsync("norfolk");
        Assert.Equal(1, entries[1].Counts()["notifications.mailsBlanked"]);
        Assert.Equal("daily", entries[1].Trigger());
        Assert.Equal("", (await _factory.DbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == mail))).ToAddress);
    }
}
