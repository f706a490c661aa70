using LearningHub.E2E.Infrastructure;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// Two app instances on one PostgreSQL database work as one site: people booking one 50-place session
/// through both at once get exactly 50 places between them, and each confirmation is delivered once,
/// though both instances run the mail dispatcher. Both straight to the server and through PgBouncer in
/// transaction pooling mode (docs/pgbouncer.md), where the two instances share ten server connections, so
/// a row lock, <c>SET LOCAL</c> or an outbox claim that leaned on a session would show here.
/// </summary>
[Collection(BookingConcurrencyCollection.Name)]
public sealed class TwoInstanceBookingTests
{
    private const int Places = 50;
    private const int PeoplePerInstance = 60;

    [PostgresFact]
    public Task Bookings_through_two_instances_fill_fifty_places_and_each_confirmation_is_delivered_once() =>
        BookThroughTwoInstancesAsync(DatabaseRoute.Direct);

    [PgBouncerFact]
    public Task Through_PgBouncer_bookings_through_two_instances_fill_fifty_places_and_each_confirmation_is_delivered_once() =>
        BookThroughTwoInstancesAsync(DatabaseRoute.PgBouncer);

    private static async Task BookThroughTwoInstancesAsync(DatabaseRoute route)
    {
        var database = $"lh_two_{Guid.NewGuid():N}"[..24];
        await using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        try
        {
            if (route == DatabaseRoute.PgBouncer)
            {
                // Made by the operator; the instances migrate it through PgBouncer as they start.
                await TestPostgres.CreateAsync(database);
            }

            var connection = TestPostgres.ConnectionTo(database, maxPoolSize: 60, route);
            await using var first = new InstanceFactory(connection);
            await first.UseSmtpAsync("norfolk", smtp.Port);
            await using var second = new InstanceFactory(connection);
            var eventId = await first.CreateEventAsync("norfolk", Places);

            var bookings = Enumerable.Range(0, PeoplePerInstance * 2).Select(n =>
                (n % 2 == 0 ? first : second).BookAsync("norfolk", eventId, EventsTestData.Person(5000 + n)));
            var results = await Task.WhenAll(bookings);

            Assert.Equal(Places, results.Count(r => r.Outcome == BookingOutcome.Confirmed));
            Assert.Equal(PeoplePerInstance * 2 - Places, results.Count(r => r.Outcome == BookingOutcome.Waitlisted));
            var stored = await second.WithBoardAsync("norfolk", db => db.Set<Booking>().AsNoTracking().Where(b => b.EventId == eventId).ToListAsync());
            Assert.Equal(Places, stored.Count(b => b.Status == BookingStatus.Confirmed));
            Assert.Equal(PeoplePerInstance * 2 - Places, stored.Where(b => b.Status == BookingStatus.Waitlisted).Select(b => b.WaitlistPosition).Distinct().Count());

            // Both dispatchers claim from the same outbox; each confirmation reaches the server once.
            var confirmed = stored.Where(b => b.Status == BookingStatus.Confirmed).Select(b => b.Email).ToHashSet();
            var delivered = await smtp.WaitForAsync(m => m.Headers.TryGetValue("Subject", out var subject) && subject.Contains("is confirmed", StringComparison.Ordinal), Places);
            await Poll.UntilAsync(async () => await first.WithBoardAsync("norfolk", db =>
                    db.Set<OutboxMessage>().AnyAsync(m => m.Category == EventMailTemplates.Confirmed.Key && m.Status != OutboxStatus.Sent)) is false,
                TimeSpan.FromSeconds(60), () => "every confirmation is marked sent");
            delivered = smtp.Messages().Where(m => m.Headers.TryGetValue("Subject", out var subject) && subject.Contains("is confirmed", StringComparison.Ordinal)).ToList();
            Assert.Equal(Places, delivered.Count);
            Assert.Equal(confirmed.OrderBy(e => e), delivered.Select(m => Recipient(m.To)).OrderBy(e => e));
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }

    private static string Recipient(string to) => to.Contains('<', StringComparison.Ordinal) ? to[(to.IndexOf('<') + 1)..to.IndexOf('>')] : to.Trim();

    /// <summary>One instance: the real app over the shared database, dispatcher and waiting-list job on.</summary>
    private sealed class InstanceFactory(string connectionString) : EventsFactory
    {
        protected override IReadOnlyDictionary<string, string?> EventSettings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:LearningHub"] = connectionString,
            ["Notifications:PollInterval"] = "00:00:00.200",
        };
    }
}
