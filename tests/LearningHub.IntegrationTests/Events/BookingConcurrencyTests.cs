using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// Acceptance 2: 200 people book a 20-place session at the same moment. Exactly 20 get places, 180 wait
/// in distinct positions, nobody gets an error; on SQLite and on PostgreSQL. Run on their own (not in
/// parallel with other classes): they load both cores on purpose, which would make other classes'
/// deadline-based tests (mail retries) fail for reasons of their own.
/// </summary>
[Collection(BookingConcurrencyCollection.Name)]
public sealed class BookingConcurrencyTests
{
    private const int People = 200;
    private const int Places = 20;

    [Fact]
    public async Task Two_hundred_simultaneous_bookings_on_SQLite_fill_twenty_places_and_queue_the_rest()
    {
        await using var factory = new EventsFactory();
        await AssertNoOverbookingAsync(factory);
    }

    [PostgresFact]
    public async Task Two_hundred_simultaneous_bookings_on_PostgreSQL_fill_twenty_places_and_queue_the_rest()
    {
        var database = $"lh_events_{Guid.NewGuid():N}"[..24];
        try
        {
            await using var factory = new PostgresEventsFactory(TestPostgres.ConnectionTo(database, maxPoolSize: 100));
            await AssertNoOverbookingAsync(factory);
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }

    [Fact]
    public async Task A_double_clicked_book_button_makes_one_booking()
    {
        await using var factory = new EventsFactory();
        var eventId = await factory.CreateEventAsync("norfolk", 5);
        var same = EventsTestData.Person(1);

        var results = await Task.WhenAll(factory.BookAsync("norfolk", eventId, same), factory.BookAsync("norfolk", eventId, same));

        Assert.Single(results.Select(r => r.Booking!.Reference).Distinct());
        Assert.Contains(results, r => r.Outcome == BookingOutcome.Confirmed);
        Assert.Contains(results, r => r.Outcome == BookingOutcome.AlreadyBooked);
        Assert.Equal(1, await factory.WithBoardAsync("norfolk", db => db.Set<Booking>().CountAsync(b => b.EventId == eventId)));
    }

    [Fact]
    public async Task Bookings_rehearsed_while_people_book_the_same_event_take_nobody_s_place_or_booking()
    {
        // The start's warm-up (BookingWarmUp) rehearses a booking and rolls it back; on a node that is already serving, real
        // requests for the same event may be waiting meanwhile. None of them may be decided inside a rehearsal's transaction.
        const int people = 100;
        await using var factory = new EventsFactory();
        var eventId = await factory.CreateEventAsync("norfolk", Places);
        var rehearsal = new Booker("warm-up", "Warm up", "warm-up@invalid", null, null, null, null);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rehearsals = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await factory.WithBoardServicesAsync("norfolk", services =>
                services.GetRequiredService<BookingService>().RehearseAsync(eventId, rehearsal, CancellationToken.None));
        })).ToList();
        var attempts = Enumerable.Range(1, people).Select(n => Task.Run(async () =>
        {
            await start.Task;
            return await factory.BookAsync("norfolk", eventId, EventsTestData.Person(n));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);
        var rehearsed = await Task.WhenAll(rehearsals);

        var stored = await factory.WithBoardAsync("norfolk", db => db.Set<Booking>().AsNoTracking().Where(b => b.EventId == eventId).ToListAsync());
        // Everyone told they have a place or a waiting-list position has it, stored; nothing of the rehearsals is.
        Assert.Equal(people, stored.Count);
        Assert.All(results, r => Assert.Contains(stored, b => b.Reference == r.Booking!.Reference && b.Status == r.Booking.Status));
        Assert.DoesNotContain(stored, b => b.UserId == rehearsal.UserId);
        Assert.Equal(Places, stored.Count(b => b.Status == BookingStatus.Confirmed));
        Assert.Equal(Enumerable.Range(1, people - Places),
            stored.Where(b => b.Status == BookingStatus.Waitlisted).Select(b => b.WaitlistPosition!.Value).Order());
        Assert.All(rehearsed, outcome => Assert.Contains(outcome, new[] { BookingOutcome.Confirmed, BookingOutcome.Waitlisted }));
        Assert.Equal(0, await factory.WithBoardAsync("norfolk", db =>
            db.Set<LearningHub.Notifications.Domain.OutboxMessage>().CountAsync(m => m.ToAddress == rehearsal.Email)));
    }

    private static async Task AssertNoOverbookingAsync(LearningHubFactory factory)
    {
        var eventId = await factory.CreateEventAsync("norfolk", Places);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(1, People).Select(n => Task.Run(async () =>
        {
            await start.Task;
            return await factory.BookAsync("norfolk", eventId, EventsTestData.Person(n));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(Places, results.Count(r => r.Outcome == BookingOutcome.Confirmed));
        Assert.Equal(People - Places, results.Count(r => r.Outcome == BookingOutcome.Waitlisted));
        var stored = await factory.WithBoardAsync("norfolk", db => db.Set<Booking>().AsNoTracking().Where(b => b.EventId == eventId).ToListAsync());
        Assert.Equal(People, stored.Count);
        Assert.Equal(Places, stored.Count(b => b.Status == BookingStatus.Confirmed));
        var positions = stored.Where(b => b.Status == BookingStatus.Waitlisted).Select(b => b.WaitlistPosition!.Value).Order().ToList();
        Assert.Equal(Enumerable.Range(1, People - Places), positions);
        Assert.Equal(People, stored.Select(b => b.Reference).Distinct().Count());
    }

    private sealed class PostgresEventsFactory(string connectionString) : EventsFactory
    {
        protected override IReadOnlyDictionary<string, string?> EventSettings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:LearningHub"] = connectionString,
            ["Notifications:DispatcherEnabled"] = "false",
        };
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BookingConcurrencyCollection
{
    public const string Name = "Events booking concurrency";
}
