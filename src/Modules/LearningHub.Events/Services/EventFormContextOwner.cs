using LearningHub.Core.Data;
using LearningHub.Core.Time;
using LearningHub.Events.Domain;
using LearningHub.Forms.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Services;

/// <summary>
/// Who may answer an event's forms (<c>event:{id}</c>, <see cref="EventFormContext"/>): its baseline, those with a
/// confirmed place; its evaluation and follow-up, those who were there (<see cref="RegisterClosing.Attended"/>), the
/// people they are sent to. Any other form, another board's event or a made-up id is not asked there.
/// </summary>
public sealed class EventFormContextOwner(LearningHubDbContext db) : IFormContextOwner
{
    public string Kind => EventFormContext.Kind;

    public async Task<bool> MayAnswerAsync(FormInfo form, string context, string userId, CancellationToken cancellationToken = default)
    {
        // Exactly event:{id} as the event writes it, so one event is never two contexts.
        var parts = context.Split(':', 2);
        if (parts.Length != 2 || !Guid.TryParse(parts[1], out var eventId) || context != EventFormContext.For(eventId))
        {
            return false;
        }

        var ev = await db.Set<LearningEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (ev is null)
        {
            return false;
        }

        // A walk-in without an account answers as their booking (RegisterClosing.RecipientId), through a signed link.
        var walkIn = RegisterClosing.WalkInBookingId(userId);
        var places = await db.Set<Booking>().AsNoTracking()
            .Where(b => b.EventId == eventId && b.Status == BookingStatus.Confirmed)
            .Where(b => walkIn == null ? b.UserId == userId : b.Id == walkIn && b.UserId == null)
            .ToListAsync(cancellationToken);
        if (form.Key == ev.EvaluationFormKey || form.Key == ev.FollowUpFormKey)
        {
            return places.Any(b => RegisterClosing.Attended(b.Attendance));
        }

        return form.Key == ev.BaselineFormKey && places.Count > 0;
    }

    /// <summary>"{title}, {date}": sessions of a roadshow share a title, so the date tells them apart.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> contexts, CancellationToken cancellationToken = default)
    {
        var ids = contexts.Select(c => c.Split(':', 2)).Where(p => p.Length == 2 && Guid.TryParse(p[1], out _)).Select(p => Guid.Parse(p[1])).ToList();
        var events = await db.Set<LearningEvent>().AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Title, e.StartUtc }).ToListAsync(cancellationToken);
        return events.ToDictionary(e => EventFormContext.For(e.Id), e => $"{e.Title}, {LondonTime.Date(e.StartUtc)}");
    }
}
