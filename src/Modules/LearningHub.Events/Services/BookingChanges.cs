using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Services;

/// <summary>What a change to an existing booking came to.</summary>
public enum ChangeOutcome
{
    Done,
    NotFound,
    TooLate,
    NotAllowed,
    Expired,
}

/// <summary>
/// Changes to a booking that exists: the holder cancels or leaves the waiting list, accepts or turns down an
/// offered place; a line manager approves or declines. Each runs under <see cref="EventLock"/>, re-reads the
/// booking there, and lets <see cref="BookingService"/> pass on any place it frees, in the same transaction.
/// </summary>
public sealed class BookingChanges(
    LearningHubDbContext db,
    EventLock eventLock,
    BookingService places,
    MyBookings myBookings,
    BookingMail mail,
    TimeProvider clock,
    AuditLog audit)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The holder cancels, or leaves the waiting list. A confirmed place may be cancelled only before the cut-off.</summary>
    public Task<ChangeOutcome> CancelAsync(string reference, string userId, CancellationToken ct = default) =>
        ChangeMineAsync(reference, userId, async (booking, ev, now) =>
        {
            if (!booking.IsActive)
            {
                return ChangeOutcome.NotAllowed;
            }

            if (booking.TooLateToCancel(ev, now))
            {
                return ChangeOutcome.TooLate;
            }

            var wasConfirmed = booking.Status == BookingStatus.Confirmed;
            booking.Cancel(now, "practitioner");
            audit.Record("events.booking.cancelled", new AuditTarget("Booking", booking.Id.ToString(), booking.Reference),
                new { @event = EventAdmin.Target(ev).Label, by = "practitioner", hadPlace = wasConfirmed });
            await mail.CancelledAsync(ev, booking, wasConfirmed, ct);
            await places.SettleAsync(ev, now, ct);
            return ChangeOutcome.Done;
        }, ct);

    /// <summary>The holder of an offered place takes it or turns it down (then it goes to the next person).</summary>
    public Task<ChangeOutcome> AnswerOfferAsync(string reference, string userId, bool accept, CancellationToken ct = default) =>
        ChangeMineAsync(reference, userId, async (booking, ev, now) =>
        {
            if (booking.Status != BookingStatus.Offered)
            {
                return ChangeOutcome.NotAllowed;
            }

            if (booking.OfferExpiresUtc <= now)
            {
                // Run out but not yet passed on by the job: pass it on now.
                await places.SettleAsync(ev, now, ct);
                return ChangeOutcome.Expired;
            }

            if (accept)
            {
                booking.AcceptOffer(now);
                await mail.ConfirmedAsync(ev, booking, (await places.BoardDefaultsAsync(ct)).ReminderDaysBefore, ct);
            }
            else
            {
                booking.Cancel(now, "practitioner");
                await mail.CancelledAsync(ev, booking, wasConfirmed: false, ct);
                await places.SettleAsync(ev, now, ct);
            }

            return ChangeOutcome.Done;
        }, ct);

    /// <summary>
    /// Finds the person's booking by reference and, under its event's lock, loads it (tracked) with its
    /// event and applies the change; <see cref="ChangeOutcome.NotFound"/> when it is not theirs.
    /// </summary>
    private async Task<ChangeOutcome> ChangeMineAsync(string reference, string userId,
        Func<Booking, LearningEvent, DateTime, Task<ChangeOutcome>> change, CancellationToken ct)
    {
        var found = await myBookings.FindAsync(reference, userId, ct);
        if (found is null)
        {
            return ChangeOutcome.NotFound;
        }

        return await eventLock.RunAsync(found.EventId, async () =>
        {
            var booking = await db.Set<Booking>().SingleAsync(b => b.Id == found.Id, ct);
            var ev = await db.Set<LearningEvent>().SingleAsync(e => e.Id == booking.EventId, ct);
            return await change(booking, ev, Now);
        }, ct);
    }

    /// <summary>A line manager's answer through a signed link. Refused when the link was used, replaced or has run out.</summary>
    public async Task<(ChangeOutcome Outcome, Booking? Booking)> DecideApprovalAsync(ApprovalClaim claim, CancellationToken ct = default)
    {
        var found = await db.Set<Booking>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == claim.BookingId, ct);
        if (found is null)
        {
            return (ChangeOutcome.NotFound, null);
        }

        var outcome = await eventLock.RunAsync(found.EventId, async () =>
        {
            var now = Now;
            var booking = await db.Set<Booking>().SingleAsync(b => b.Id == found.Id, ct);
            var ev = await db.Set<LearningEvent>().SingleAsync(e => e.Id == booking.EventId, ct);
            if (booking.Status != BookingStatus.PendingApproval || booking.ApprovalNonce != claim.Nonce)
            {
                return ChangeOutcome.NotAllowed;
            }

            if (booking.HoldExpiresUtc <= now)
            {
                await places.SettleAsync(ev, now, ct);
                return ChangeOutcome.Expired;
            }

            if (claim.Decision == ApprovalDecision.Approve)
            {
                booking.Approve(now);
                await mail.ConfirmedAsync(ev, booking, (await places.BoardDefaultsAsync(ct)).ReminderDaysBefore, ct);
            }
            else
            {
                booking.Decline(now);
                await mail.ApprovalDeclinedAsync(ev, booking, ct);
                await places.SettleAsync(ev, now, ct);
            }

            return ChangeOutcome.Done;
        }, ct);
        return (outcome, found);
    }
}
