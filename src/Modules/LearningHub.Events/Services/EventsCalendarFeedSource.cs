using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using LearningHub.Notifications.Calendar;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Services;

/// <summary>A person's private calendar feed lists their confirmed places, and cancelled ones as cancelled.</summary>
public sealed class EventsCalendarFeedSource(LearningHubDbContext db, BookingMail mail) : ICalendarFeedSource
{
    public async Task<IReadOnlyList<CalendarEvent>> EventsForAsync(string userId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Booking>().AsNoTracking()
            .Where(b => b.UserId == userId && (b.Status == BookingStatus.Confirmed || (b.Status == BookingStatus.Cancelled && b.ConfirmedUtc != null)))
            .Join(db.Set<LearningEvent>().AsNoTracking(), b => b.EventId, e => e.Id, (b, e) => new { Booking = b, Event = e })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var entry = mail.Calendar(r.Event, r.Booking);
            return r.Booking.Status == BookingStatus.Cancelled || r.Event.Status == EventStatus.Cancelled
                ? entry with { Status = CalendarEventStatus.Cancelled }
                : entry;
        }).ToList();
    }
}
