using LearningHub.Core.Audit;
using LearningHub.Events.Services;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Events;

/// <summary>Issue 8 acceptance 5 for the events module: publishing, cancelling a booking, closing the register and cancelling an event are audited.</summary>
public sealed class EventAuditTests : IClassFixture<EventsFactory>
{
    private readonly EventsFactory _factory;

    public EventAuditTests(EventsFactory factory) => _factory = factory;

    private Task<List<AuditEntry>> EntriesAsync(string action, string targetId) =>
        _factory.WithBoardAsync("norfolk", db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action && e.TargetId == targetId).ToListAsync());

    [Fact]
    public async Task Publishing_cancelling_a_booking_closing_the_register_and_cancelling_the_event_are_in_the_audit_log()
    {
        var eventId = await _factory.CreateEventAsync("norfolk", 10, startsIn: TimeSpan.FromDays(3), now: _factory.Clock.GetUtcNow().UtcDateTime);
        Assert.Single(await EntriesAsync("events.event.published", eventId.ToString()));

        var kept = await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(9101));
        var leaving = await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(9102));
        Assert.Equal(ChangeOutcome.Done, await _factory.WithBoardServicesAsync("norfolk", services =>
            services.GetRequiredService<BookingChanges>().CancelAsync(leaving.Booking!.Reference, "user-9102")));
        var cancelled = Assert.Single(await EntriesAsync("events.booking.cancelled", leaving.Booking!.Id.ToString()));
        Assert.Equal(leaving.Booking.Reference, cancelled.TargetLabel);
        Assert.Contains("\"hadPlace\":true", cancelled.ChangesJson);
        Assert.Empty(await EntriesAsync("events.booking.cancelled", kept.Booking!.Id.ToString()));

        // A cancellation refused after the cut-off changes nothing, so it is not audited.
        _factory.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));
        Assert.Equal(ChangeOutcome.TooLate, await _factory.WithBoardServicesAsync("norfolk", services =>
            services.GetRequiredService<BookingChanges>().CancelAsync(kept.Booking.Reference, "user-9101")));
        Assert.Empty(await EntriesAsync("events.booking.cancelled", kept.Booking.Id.ToString()));

        await _factory.WithBoardServicesAsync("norfolk", services => services.GetRequiredService<RegisterClosing>().CloseAsync(eventId, "Coordinator"));
        Assert.Single(await EntriesAsync("events.register.closed", eventId.ToString()));

        await _factory.WithBoardServicesAsync("norfolk", async services =>
        {
            await services.GetRequiredService<EventAdmin>().CancelAsync(eventId);
            return true;
        });
        Assert.Single(await EntriesAsync("events.event.cancelled", eventId.ToString()));
    }
}
