using LearningHub.Core.Privacy;
using LearningHub.Events.Domain;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Privacy;

/// <summary>
/// Two app instances on one PostgreSQL database both run the retention job at the same moment, again
/// and again: each board's day is claimed by exactly one of them, so there is one audit entry per board
/// and every record is counted once. Both straight to the server and through PgBouncer in transaction
/// pooling mode (docs/pgbouncer.md): the claim is one conditional update, so it needs no session.
/// </summary>
[Collection(BookingConcurrencyCollection.Name)]
public sealed class TwoInstanceRetentionTests
{
    [PostgresFact]
    public Task Two_instances_running_the_job_together_apply_it_once_per_board_per_day() =>
        RunThroughTwoInstancesAsync(DatabaseRoute.Direct);

    [PgBouncerFact]
    public Task Through_PgBouncer_two_instances_running_the_job_together_apply_it_once_per_board_per_day() =>
        RunThroughTwoInstancesAsync(DatabaseRoute.PgBouncer);

    private static async Task RunThroughTwoInstancesAsync(DatabaseRoute route)
    {
        var database = $"lh_ret_{Guid.NewGuid():N}"[..24];
        try
        {
            if (route == DatabaseRoute.PgBouncer)
            {
                // Made by the operator; the instances migrate it through PgBouncer as they start.
                await TestPostgres.CreateAsync(database);
            }

            var connection = TestPostgres.ConnectionTo(database, route: route);
            await using var first = new InstanceFactory(connection);
            await using var second = new InstanceFactory(connection);
            first.CreateClient().Dispose();
            second.CreateClient().Dispose();

            var now = first.Clock.GetUtcNow().UtcDateTime;
            var cutoffs = new RetentionSettings().CutoffsAt(now);
            var oldEvent = await first.EventEndedAtAsync("norfolk", cutoffs.EventsEndedBefore.AddDays(-1));
            var booking = await first.BookingAsync("norfolk", oldEvent, "Alex Attended");
            await first.UnconfirmedAccountAsync("norfolk", "old.unconfirmed@school.example", cutoffs.UnconfirmedAccountsRegisteredBefore.AddDays(-1));
            await first.MailAsync("norfolk", "old.mail@school.example", OutboxStatus.Sent, cutoffs.MailSentBefore.AddDays(-2), cutoffs.MailSentBefore.AddDays(-1));

            var ran = 0;
            for (var round = 0; round < 3; round++)
            {
                var both = await Task.WhenAll(RunDueAsync(first), RunDueAsync(second));
                ran += both.Sum();
            }

            Assert.Equal(2, ran); // Norfolk and Essex, each by one instance only
            var entry = Assert.Single(await second.RetentionEntriesAsync("norfolk"));
            Assert.Equal(1, entry.Counts()["events.bookingsAnonymised"]);
            Assert.Equal(1, entry.Counts()["accounts.unconfirmedDeleted"]);
            Assert.Equal(1, entry.Counts()["notifications.mailsBlanked"]);
            Assert.Single(await second.RetentionEntriesAsync("essex"));
            Assert.Equal(Booking.RemovedName, (await second.WithBoardAsync("norfolk", db => db.Set<Booking>().AsNoTracking().SingleAsync(b => b.Id == booking))).FullName);
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }

    private static async Task<int> RunDueAsync(LearningHubFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionScheduler>().RunDueAsync(CancellationToken.None);
    }

    private sealed class InstanceFactory(string connectionString) : EventsFactory
    {
        protected override IReadOnlyDictionary<string, string?> EventSettings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:LearningHub"] = connectionString,
            ["Retention:JobEnabled"] = "false",
        };
    }
}
