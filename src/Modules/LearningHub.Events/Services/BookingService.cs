using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningHub.Events.Services;

/// <summary>Who is booking, as their profile says now (kept on the booking as a snapshot).</summary>
public sealed record Booker(string UserId, string FullName, string Email, string? AgencyName, Sector? Sector, string? JobRole, string? LocalityName);

public enum BookingOutcome
{
    Confirmed,
    PendingApproval,
    Waitlisted,
    AlreadyBooked,
    Refused,
    NotFound,
}

public sealed record BookingResult(BookingOutcome Outcome, Booking? Booking = null, BookingRefusal? Refusal = null);

public enum ChangeOutcome
{
    Done,
    NotFound,
    TooLate,
    NotAllowed,
    Expired,
}

/// <summary>
/// Every decision about places: booking, cancelling, offers from the waiting list, approvals. Each runs
/// under <see cref="EventLock"/> and saves its change and its mail in one transaction.
/// </summary>
public sealed class BookingService(
    LearningHubDbContext db,
    EventLock eventLock,
    BookingMail mail,
    BoardContext boards,
    TimeProvider clock,
    IOptions<EventsOptions> options)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<BookingResult> BookAsync(Guid eventId, Booker booker, string? answer, string? lineManagerEmail, CancellationToken ct = default)
    {
        // Decisions on one event are made one at a time, so everything that does not depend on the
        // decision is prepared before queueing for the lock: the booking's id and reference, the
        // board's defaults and, when a place looks free, the QR code (the costliest part of a
        // confirmation). Inside the lock: the event, the person's existing booking, one count of the
        // places, the insert and the mail. A wrong guess only means making the code inside the lock.
        var bookingId = Guid.NewGuid();
        var reference = await NewReferenceAsync(ct);
        var defaults = await BoardDefaultsAsync(ct);
        var guess = await CountPlacesAsync(eventId, Now, ct);
        var capacity = await db.Set<LearningEvent>().AsNoTracking().Where(e => e.Id == eventId).Select(e => (int?)e.Capacity).SingleOrDefaultAsync(ct);
        var checkIn = capacity is { } places && guess.PlaceFree(places) ? mail.CheckInFor(bookingId) : null;
        return await eventLock.RunAsync(eventId, async () =>
        {
            var now = Now;
            var ev = await db.Set<LearningEvent>().SingleOrDefaultAsync(e => e.Id == eventId, ct);
            if (ev is null)
            {
                return new BookingResult(BookingOutcome.NotFound);
            }

            // A second click of the Book button waits for the first's lock, then finds its booking here.
            var existing = await db.Set<Booking>().SingleOrDefaultAsync(b => b.EventId == eventId && b.ActiveUserId == booker.UserId, ct);
            if (existing is not null)
            {
                return new BookingResult(BookingOutcome.AlreadyBooked, existing);
            }

            if (ev.RefusalAt(now) is { } refusal)
            {
                return new BookingResult(BookingOutcome.Refused, Refusal: refusal);
            }

            var counts = await CountPlacesAsync(eventId, now, ct);
            var placeFree = counts.PlaceFree(ev.Capacity);
            if (!placeFree && !ev.WaitingListEnabled)
            {
                return new BookingResult(BookingOutcome.Refused, Refusal: BookingRefusal.FullNoWaitingList);
            }

            // Checked again here: another booking made since may have drawn the same reference.
            if (await db.Set<Booking>().AnyAsync(b => b.Reference == reference, ct))
            {
                reference = await NewReferenceAsync(ct);
            }

            var booking = new Booking
            {
                Id = bookingId,
                EventId = eventId,
                Reference = reference,
                UserId = booker.UserId,
                ActiveUserId = booker.UserId,
                FullName = booker.FullName,
                Email = booker.Email,
                AgencyName = booker.AgencyName,
                Sector = booker.Sector,
                JobRole = booker.JobRole,
                LocalityName = booker.LocalityName,
                LineManagerEmail = string.IsNullOrWhiteSpace(lineManagerEmail) ? null : lineManagerEmail.Trim(),
                Answer = string.IsNullOrWhiteSpace(answer) ? null : answer.Trim(),
                CreatedUtc = now,
            };
            db.Add(booking);
            if (placeFree && ev.RequiresApproval)
            {
                booking.Status = BookingStatus.PendingApproval;
                var hold = now + options.Value.ApprovalHold;
                booking.HoldExpiresUtc = hold < ev.BookingClosesAt ? hold : ev.BookingClosesAt;
                booking.ApprovalNonce = EventTokens.NewNonce();
                await mail.ApprovalRequestAsync(ev, booking, ct);
                return new BookingResult(BookingOutcome.PendingApproval, booking);
            }

            if (placeFree)
            {
                booking.Confirm(now);
                await mail.ConfirmedAsync(ev, booking, defaults.ReminderDaysBefore, ct, checkIn);
                return new BookingResult(BookingOutcome.Confirmed, booking);
            }

            booking.Status = BookingStatus.Waitlisted;
            booking.WaitlistPosition = (counts.LastWaitlistPosition ?? 0) + 1;
            await mail.WaitlistedAsync(ev, booking, counts.Waitlisted + 1, ct);
            return new BookingResult(BookingOutcome.Waitlisted, booking);
        }, ct);
    }

    /// <summary>The holder cancels, or leaves the waiting list. A confirmed place may be cancelled only before the cut-off.</summary>
    public async Task<ChangeOutcome> CancelAsync(string reference, string userId, CancellationToken ct = default)
    {
        var found = await FindAsync(reference, userId, ct);
        if (found is null)
        {
            return ChangeOutcome.NotFound;
        }

        return await eventLock.RunAsync(found.EventId, async () =>
        {
            var now = Now;
            var booking = await db.Set<Booking>().SingleAsync(b => b.Id == found.Id, ct);
            var ev = await db.Set<LearningEvent>().SingleAsync(e => e.Id == booking.EventId, ct);
            if (!booking.IsActive)
            {
                return ChangeOutcome.NotAllowed;
            }

            var wasConfirmed = booking.Status == BookingStatus.Confirmed;
            if (wasConfirmed && now >= ev.CancellationCutoffAt)
            {
                return ChangeOutcome.TooLate;
            }

            booking.End(BookingStatus.Cancelled, now, "practitioner");
            await mail.CancelledAsync(ev, booking, wasConfirmed, ct);
            await SettleAsync(ev, now, ct);
            return ChangeOutcome.Done;
        }, ct);
    }

    public async Task<ChangeOutcome> AnswerOfferAsync(string reference, string userId, bool accept, CancellationToken ct = default)
    {
        var found = await FindAsync(reference, userId, ct);
        if (found is null)
        {
            return ChangeOutcome.NotFound;
        }

        return await eventLock.RunAsync(found.EventId, async () =>
        {
            var now = Now;
            var booking = await db.Set<Booking>().SingleAsync(b => b.Id == found.Id, ct);
            var ev = await db.Set<LearningEvent>().SingleAsync(e => e.Id == booking.EventId, ct);
            if (booking.Status != BookingStatus.Offered)
            {
                return ChangeOutcome.NotAllowed;
            }

            if (booking.OfferExpiresUtc <= now)
            {
                // Run out but not yet passed on by the job: pass it on now.
                await SettleAsync(ev, now, ct);
                return ChangeOutcome.Expired;
            }

            if (accept)
            {
                booking.Confirm(now);
                await mail.ConfirmedAsync(ev, booking, (await BoardDefaultsAsync(ct)).ReminderDaysBefore, ct);
            }
            else
            {
                booking.End(BookingStatus.Cancelled, now, "practitioner");
                await mail.CancelledAsync(ev, booking, wasConfirmed: false, ct);
                await SettleAsync(ev, now, ct);
            }

            return ChangeOutcome.Done;
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
                await SettleAsync(ev, now, ct);
                return ChangeOutcome.Expired;
            }

            if (claim.Decision == ApprovalDecision.Approve)
            {
                booking.Confirm(now);
                await mail.ConfirmedAsync(ev, booking, (await BoardDefaultsAsync(ct)).ReminderDaysBefore, ct);
            }
            else
            {
                booking.End(BookingStatus.Declined, now);
                await mail.ApprovalDeclinedAsync(ev, booking, ct);
                await SettleAsync(ev, now, ct);
            }

            return ChangeOutcome.Done;
        }, ct);
        return (outcome, found);
    }

    /// <summary>
    /// Brings an event's holds up to date under its lock: offers and approval holds that have run out
    /// end (with their mail), then each free place is offered to the next person in arrival order.
    /// Call it after anything that may free a place; the waiting-list job calls it for run-out holds.
    /// </summary>
    public Task SettleEventAsync(Guid eventId, CancellationToken ct = default) =>
        eventLock.RunAsync(eventId, async () =>
        {
            var ev = await db.Set<LearningEvent>().SingleOrDefaultAsync(e => e.Id == eventId, ct);
            if (ev is not null)
            {
                await SettleAsync(ev, Now, ct);
            }

            return true;
        }, ct);

    /// <summary>
    /// An event's places in one query: held (confirmed, and offers and approval holds that have not run
    /// out; walk-ins are extra), who is queueing (waiting or holding an offer), and the last waiting-list
    /// position given. Exact inside the event's lock; outside it, only a guess to prepare work.
    /// </summary>
    private async Task<PlaceCounts> CountPlacesAsync(Guid eventId, DateTime now, CancellationToken ct) =>
        await db.Set<Booking>().Where(b => b.EventId == eventId)
            .GroupBy(b => b.EventId)
            .Select(g => new PlaceCounts(
                g.Count(b => !b.IsWalkIn
                    && (b.Status == BookingStatus.Confirmed
                        || (b.Status == BookingStatus.PendingApproval && b.HoldExpiresUtc > now)
                        || (b.Status == BookingStatus.Offered && b.OfferExpiresUtc > now))),
                g.Count(b => b.Status == BookingStatus.Waitlisted),
                g.Count(b => b.Status == BookingStatus.Offered),
                g.Max(b => b.WaitlistPosition)))
            .SingleOrDefaultAsync(ct) ?? new PlaceCounts(0, 0, 0, null);

    private sealed record PlaceCounts(int Held, int Waitlisted, int Offered, int? LastWaitlistPosition)
    {
        /// <summary>A new booking gets a place only when one is free and nobody is queueing ahead of it.</summary>
        public bool PlaceFree(int capacity) => Held < capacity && Waitlisted == 0 && Offered == 0;
    }

    /// <summary>Places in use now: confirmed bookings and holds (offers, pending approvals) that have not run out. Walk-ins are extra.</summary>
    public Task<int> PlacesHeldAsync(Guid eventId, DateTime now, CancellationToken ct) =>
        db.Set<Booking>().CountAsync(b => b.EventId == eventId && !b.IsWalkIn
            && (b.Status == BookingStatus.Confirmed
                || (b.Status == BookingStatus.PendingApproval && b.HoldExpiresUtc > now)
                || (b.Status == BookingStatus.Offered && b.OfferExpiresUtc > now)), ct);

    private async Task SettleAsync(LearningEvent ev, DateTime now, CancellationToken ct)
    {
        var runOut = await db.Set<Booking>()
            .Where(b => b.EventId == ev.Id
                && ((b.Status == BookingStatus.Offered && b.OfferExpiresUtc <= now)
                    || (b.Status == BookingStatus.PendingApproval && b.HoldExpiresUtc <= now)))
            .ToListAsync(ct);
        foreach (var booking in runOut)
        {
            if (booking.Status == BookingStatus.Offered)
            {
                booking.End(BookingStatus.OfferExpired, now);
                await mail.OfferExpiredAsync(ev, booking, ct);
            }
            else
            {
                booking.End(BookingStatus.Declined, now);
                await mail.ApprovalDeclinedAsync(ev, booking, ct);
            }
        }

        // Saved so the count below sees the ends (still inside the transaction).
        await db.SaveChangesAsync(ct);
        if (ev.Status != EventStatus.Published || now >= ev.StartUtc)
        {
            return;
        }

        var free = ev.Capacity - await PlacesHeldAsync(ev.Id, now, ct);
        if (free <= 0)
        {
            return;
        }

        var next = await db.Set<Booking>()
            .Where(b => b.EventId == ev.Id && b.Status == BookingStatus.Waitlisted)
            .OrderBy(b => b.WaitlistPosition)
            .Take(free)
            .ToListAsync(ct);
        var windowHours = (await BoardDefaultsAsync(ct)).WaitlistOfferHours;
        foreach (var booking in next)
        {
            booking.Offer(OfferWindow.ExpiresAt(now, ev.StartUtc, windowHours));
            await mail.OfferedAsync(ev, booking, ct);
        }
    }

    private async Task<Booking?> FindAsync(string reference, string userId, CancellationToken ct)
    {
        var normalised = BookingReference.Normalise(reference);
        return await db.Set<Booking>().AsNoTracking().SingleOrDefaultAsync(b => b.Reference == normalised && b.UserId == userId, ct);
    }

    private async Task<string> NewReferenceAsync(CancellationToken ct)
    {
        var shortName = boards.Required.ShortName;
        while (true)
        {
            var reference = BookingReference.New(shortName);
            if (!await db.Set<Booking>().AnyAsync(b => b.Reference == reference, ct)
                && !db.Set<Booking>().Local.Any(b => b.Reference == reference))
            {
                return reference;
            }
        }
    }

    internal sealed record BoardDefaults(int WaitlistOfferHours, int ReminderDaysBefore);

    private BoardDefaults? _defaults;

    private async Task<BoardDefaults> BoardDefaultsAsync(CancellationToken ct)
    {
        var boardId = boards.Required.Id;
        return _defaults ??= await db.Boards.AsNoTracking().Where(b => b.Id == boardId)
            .Select(b => new BoardDefaults(b.WaitlistOfferHours, b.ReminderDaysBefore)).SingleAsync(ct);
    }
}
