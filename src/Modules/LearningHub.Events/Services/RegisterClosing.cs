using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using LearningHub.Forms.Services;
using LearningHub.Notifications.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Services;

/// <summary>The Forms context of an event's baseline, evaluation and follow-up: <c>event:{id}</c>, so their answers compare.</summary>
public static class EventFormContext
{
    public const string Kind = "event";

    public static string For(Guid eventId) => FormContexts.For(Kind, eventId.ToString());
}

public enum RegisterCloseOutcome
{
    Closed,
    AlreadyClosed,
    NotStarted,
    EventCancelled,
    NotFound,
}

/// <summary>What closing the register did: how many evaluation requests, no-show notices and follow-ups it queued.</summary>
public sealed record RegisterCloseResult(RegisterCloseOutcome Outcome, int EvaluationRequests = 0, int NoShowNotices = 0, int FollowUps = 0);

/// <summary>
/// Closing an event's register: the moment the board's "after" mail goes out. In one transaction under the
/// event's lock it records who closed it and when, asks the evaluation of everyone marked Attended, Partly
/// attended or Walk-in (and nobody else), sends a no-show notice to each No-show, and schedules the follow-up
/// N days after the event for those who attended. Closing again finds the register closed and sends nothing;
/// every mail also has a dedupe key, so even a retried request cannot send one twice.
/// </summary>
public sealed class RegisterClosing(
    LearningHubDbContext db, EventLock eventLock, FormRequests requests, IFormFilling forms, TemplatedMail mail, BoardLinks links, TimeProvider clock,
    AuditLog audit)
{
    /// <summary>The marks that count as having been there: they are asked the evaluation and the follow-up.</summary>
    public static bool Attended(AttendanceMark? mark) => mark is AttendanceMark.Attended or AttendanceMark.PartlyAttended or AttendanceMark.WalkIn;

    public async Task<RegisterCloseResult> CloseAsync(Guid eventId, string closedBy, CancellationToken ct = default)
    {
        if (!await db.Set<LearningEvent>().AnyAsync(e => e.Id == eventId, ct))
        {
            return new RegisterCloseResult(RegisterCloseOutcome.NotFound);
        }

        return await eventLock.RunAsync(eventId, async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var ev = await db.Set<LearningEvent>().SingleAsync(e => e.Id == eventId, ct);
            if (ev.RegisterClosed)
            {
                return new RegisterCloseResult(RegisterCloseOutcome.AlreadyClosed);
            }

            if (ev.Status == EventStatus.Cancelled)
            {
                return new RegisterCloseResult(RegisterCloseOutcome.EventCancelled);
            }

            if (now < ev.StartUtc)
            {
                return new RegisterCloseResult(RegisterCloseOutcome.NotStarted);
            }

            ev.RegisterClosedUtc = now;
            ev.RegisterClosedBy = closedBy;
            audit.Record("events.register.closed", EventAdmin.Target(ev));
            var context = EventFormContext.For(ev.Id);
            var site = new Uri(links.BaseUrl);
            var about = $"{ev.Title}, {LondonTime.Date(ev.StartUtc)}";
            // A form deleted or renamed since it was chosen is skipped rather than failing the whole close.
            var evaluation = await ExistingAsync(ev.EvaluationFormKey, ct);
            var followUp = await ExistingAsync(ev.FollowUpFormKey, ct);
            var followUpDays = ev.FollowUpDays ?? await db.Boards.AsNoTracking().Where(b => b.Id == ev.BoardId).Select(b => b.FollowUpDays).SingleAsync(ct);
            var due = ev.EndUtc.AddDays(followUpDays);
            int evaluations = 0, notices = 0, followUps = 0;
            foreach (var booking in await db.Set<Booking>().Where(b => b.EventId == eventId && b.Status == BookingStatus.Confirmed).ToListAsync(ct))
            {
                if (Attended(booking.Attendance))
                {
                    var recipient = new FormRecipient(RecipientId(booking), booking.FullName, booking.Email, HasAccount: booking.UserId is not null);
                    if (evaluation is not null && await requests.RequestEvaluationAsync(new FormRequest(evaluation, context, recipient, about, site), ct))
                    {
                        evaluations++;
                    }

                    if (followUp is not null && await requests.ScheduleFollowUpAsync(new FormRequest(followUp, context, recipient, about, site), due,
                            ev.FollowUpToLineManager ? booking.LineManagerEmail : null, ct))
                    {
                        followUps++;
                    }
                }
                else if (booking.Attendance == AttendanceMark.NoShow && await NoShowAsync(ev, booking, ct))
                {
                    notices++;
                }
            }

            return new RegisterCloseResult(RegisterCloseOutcome.Closed, evaluations, notices, followUps);
        }, ct);
    }

    /// <summary>Calls off a booking's follow-up, if one was scheduled (the booking or the event is cancelled). The caller saves.</summary>
    public Task CallOffFollowUpAsync(LearningEvent ev, Booking booking, CancellationToken ct) =>
        string.IsNullOrEmpty(ev.FollowUpFormKey) || !ev.RegisterClosed
            ? Task.CompletedTask
            : requests.CancelFollowUpAsync(ev.FollowUpFormKey, EventFormContext.For(ev.Id), RecipientId(booking), ct);

    private const string WalkInPrefix = "walk-in-";

    /// <summary>Who a form request is for: the account, or for a walk-in without one a key of their own booking.</summary>
    public static string RecipientId(Booking booking) => booking.UserId ?? $"{WalkInPrefix}{booking.Id:N}";

    /// <summary>The booking of a walk-in recipient id made by <see cref="RecipientId"/>, or null for an account.</summary>
    public static Guid? WalkInBookingId(string recipientId) =>
        recipientId.StartsWith(WalkInPrefix, StringComparison.Ordinal) && Guid.TryParseExact(recipientId[WalkInPrefix.Length..], "N", out var id) ? id : null;

    private async Task<string?> ExistingAsync(string? formKey, CancellationToken ct) =>
        string.IsNullOrEmpty(formKey) || await forms.FindAsync(formKey, ct) is null ? null : formKey;

    private Task<bool> NoShowAsync(LearningEvent ev, Booking booking, CancellationToken ct) =>
        mail.QueueAsync(EventMailTemplates.NoShow.Key, booking.Email, booking.FullName, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EventMailTemplates.EventTitle] = ev.Title,
            [EventMailTemplates.EventWhen] = LondonTime.Range(ev.StartUtc, ev.EndUtc),
            [EventMailTemplates.EventWhere] = BookingMail.Where(ev),
            [EventMailTemplates.Reference] = booking.Reference,
            [EventMailTemplates.Link] = links.Url("/Events/Index"),
        }, $"events.no-show:{booking.Id}", cancellationToken: ct);
}
