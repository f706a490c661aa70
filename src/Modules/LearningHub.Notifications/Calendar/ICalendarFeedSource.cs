namespace LearningHub.Notifications.Calendar;

/// <summary>
/// Something a person has in their calendar: the events module lists their booked sessions. Each
/// module that has dated things for a person registers one; the feed gathers them all.
/// </summary>
public interface ICalendarFeedSource
{
    Task<IReadOnlyList<CalendarEvent>> EventsForAsync(string userId, CancellationToken cancellationToken);
}
