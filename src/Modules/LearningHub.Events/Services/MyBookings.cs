using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Services;

/// <summary>A booking as its holder sees it: the booking and its event.</summary>
public sealed record MyBooking(Booking Booking, LearningEvent Event);

/// <summary>
/// "My booking by reference", in one place: the reference as typed or linked (normalised), and only the
/// signed-in person's own booking, so a reference alone never shows someone else's. No tracking: changes
/// go through <see cref="BookingChanges"/>, which re-reads the booking under the event's lock.
/// </summary>
public sealed class MyBookings(LearningHubDbContext db)
{
    public Task<Booking?> FindAsync(string reference, string? userId, CancellationToken ct = default) =>
        userId is null
            ? Task.FromResult<Booking?>(null)
            : db.Set<Booking>().AsNoTracking().SingleOrDefaultAsync(Booking.Mine(reference, userId), ct);

    /// <summary>The booking with its event, or null when <paramref name="userId"/> has no booking under <paramref name="reference"/>.</summary>
    public async Task<MyBooking?> FindWithEventAsync(string reference, string? userId, CancellationToken ct = default)
    {
        if (await FindAsync(reference, userId, ct) is not { } booking)
        {
            return null;
        }

        var ev = await db.Set<LearningEvent>().AsNoTracking().SingleAsync(e => e.Id == booking.EventId, ct);
        return new MyBooking(booking, ev);
    }
}
