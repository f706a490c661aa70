using System.Diagnostics;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Hosting;
using LearningHub.Core.Taxonomies;
using LearningHub.Core.Telemetry;
using LearningHub.Events.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningHub.Events.Services;

/// <summary>Who is booking, as their profile says now (kept on the booking as a snapshot).</summary>
public sealed record Booker(string UserId, string FullName, string Email, string? AgencyName, Sector? Sector, string? JobRole, string? LocalityName)
{
    /// <summary>
    /// Whether <paramref name="email"/> is the booker's own address (their account's, as email addresses compare: trimmed,
    /// ignoring case). A line manager approves the place, so it may never be the booker's.
    /// </summary>
    public bool IsOwnAddress(string? email) =>
        !string.IsNullOrWhiteSpace(email) && string.Equals(email.Trim(), Email.Trim(), StringComparison.OrdinalIgnoreCase);
}

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

/// <summary>
/// Decides places: a new request gets a place, a hold for approval or a place on the waiting list
/// (<see cref="BookAsync"/>), and places freed or run out are passed on to the waiting list
/// (<see cref="SettleEventAsync"/>). Changes to bookings that exist are <see cref="BookingChanges"/>.
/// Each decision runs under <see cref="EventLock"/> and saves its change and its mail in one transaction.
/// </summary>
public sealed class BookingService(
    LearningHubDbContext db,
    EventLock eventLock,
    BookingQueue queue,
    BookingMail mail,
    BoardContext boards,
    TimeProvider clock,
    IOptions<EventsOptions> options,
    EventsMetrics metrics,
    ForegroundWork foreground)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Books a place, or a place on the waiting list, for <paramref name="booker"/>. Everything that does
    /// not depend on the decision is prepared before queueing for the event's lock: the booking's id and
    /// reference and, when a place looks free, the QR code (the costliest part of a confirmation).
    /// Whoever gets the lock first decides every request then waiting for the event, in arrival order,
    /// in one transaction (<see cref="BookingQueue"/>).
    /// </summary>
    public async Task<BookingResult> BookAsync(Guid eventId, Booker booker, string? answer, string? lineManagerEmail, CancellationToken ct = default)
    {
        using var inFlight = foreground.Begin();
        var board = boards.Required.Slug;
        using var span = LearningHubTelemetry.Spans.StartActivity("booking.book");
        span?.SetTag(LearningHubTelemetry.BoardTag, board);
        span?.SetTag("event.id", eventId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await DecideRequestAsync(eventId, booker, answer, lineManagerEmail, ct);
            metrics.Decided(board, result.Outcome, result.Refusal, Stopwatch.GetElapsedTime(started));
            span?.SetTag(LearningHubTelemetry.OutcomeTag, EventsMetrics.OutcomeName(result.Outcome));
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var why = ex is EventBusyException ? "busy" : "error";
            metrics.NotDecided(board, why, Stopwatch.GetElapsedTime(started));
            span?.SetTag(LearningHubTelemetry.OutcomeTag, why);
            // The type only: a message may quote what was typed.
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    /// <summary>
    /// Decides <paramref name="booker"/>'s request for <paramref name="eventId"/> as <see cref="BookAsync"/> would, saves
    /// it, and rolls it all back: the booking, its mail and its reminder are never committed, and no decision is counted.
    /// For <see cref="BookingWarmUp"/>, at start, so the first rush of bookings finds every part of a decision compiled and
    /// its queries translated. Returns what would have been decided.
    /// </summary>
    /// <remarks>
    /// Decided outside the event's lock (nothing of it is ever committed, and the decision's reads and mail need no write
    /// lock), so on a first start it runs beside the next board's recipe; only the save waits for the lock (on SQLite, the
    /// recipe's commit). It never goes through the shared queue: a real request waiting meanwhile is decided by its own
    /// turn, never in this transaction.
    /// </remarks>
    internal async Task<BookingOutcome> RehearseAsync(Guid eventId, Booker booker, CancellationToken ct)
    {
        var alone = new PendingBooking(NewRequest(booker, null, null));
        alone.TryClaim();
        try
        {
            await DecideAsync(eventId, [alone]);
            await eventLock.RunAsync<bool>(eventId, async () =>
            {
                await db.SaveChangesAsync(ct);
                // Thrown inside the lock's transaction, which is then rolled back, never committed.
                throw new RehearsalOver();
            }, ct);
        }
        catch (RehearsalOver)
        {
            return alone.Result!.Outcome;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        throw new UnreachableException();
    }

    private sealed class RehearsalOver() : Exception("A rehearsed booking is rolled back.");

    private async Task<BookingResult> DecideRequestAsync(Guid eventId, Booker booker, string? answer, string? lineManagerEmail, CancellationToken ct)
    {
        if (booker.IsOwnAddress(lineManagerEmail))
        {
            return new BookingResult(BookingOutcome.Refused, Refusal: BookingRefusal.OwnLineManager);
        }

        var boardId = boards.Required.Id;
        var request = NewRequest(booker, answer, lineManagerEmail);
        var mine = queue.Add(boardId, eventId, request);
        while (!mine.IsClaimed)
        {
            var batch = new List<PendingBooking>();
            try
            {
                await eventLock.RunIfAsync(eventId, () => !mine.IsClaimed, async () =>
                {
                    batch = queue.TakeWaiting(boardId, eventId);
                    await DecideAsync(eventId, batch);
                    return true;
                }, skipped: false, ct);
            }
            catch (EventBusyException) when (!mine.TryAbandon())
            {
                // The wait ran out, but another holder's batch took this request meanwhile: its commit publishes the
                // outcome. (When the filter's TryAbandon succeeds, nobody will decide it: the exception goes on up.)
            }
            catch (Exception) when (batch.Count > 0)
            {
                // The shared transaction failed and rolled back: nobody in it has a booking. Each request
                // is decided again on its own, so one request's problem cannot fail the others.
                foreach (var pending in batch)
                {
                    pending.DecideAlone();
                }

                db.ChangeTracker.Clear();
            }
            catch (Exception) when (mine.TryAbandon())
            {
                // Failed (or given up) before anyone took this request: nothing was booked for it.
                throw;
            }

            foreach (var pending in batch)
            {
                pending.Publish();
            }

            // Still waiting only if a full batch left it for the next turn.
        }

        // Decided here, or by the holder of an earlier turn, whose commit publishes it.
        if (await mine.Decided is { } decided)
        {
            return decided;
        }

        var alone = new PendingBooking(request);
        alone.TryClaim();
        return await eventLock.RunAsync(eventId, async () =>
        {
            await DecideAsync(eventId, [alone]);
            return alone.Result!;
        }, ct);
    }

    /// <summary>The booking's id and reference, drawn before the lock.</summary>
    private BookingRequest NewRequest(Booker booker, string? answer, string? lineManagerEmail) =>
        new(Guid.NewGuid(), BookingReference.New(boards.Required.ShortName), booker,
            string.IsNullOrWhiteSpace(answer) ? null : answer.Trim(),
            string.IsNullOrWhiteSpace(lineManagerEmail) ? null : lineManagerEmail.Trim());

    /// <summary>Decides waiting requests for one event, oldest first, inside its lock. The caller saves.</summary>
    private async Task DecideAsync(Guid eventId, List<PendingBooking> batch)
    {
        using var span = LearningHubTelemetry.Spans.StartActivity("booking.decide");
        span?.SetTag("booking.batch_size", batch.Count);
        var now = Now;
        var ev = await BookingQueries.Event.For(db)(db, eventId);
        if (ev is null)
        {
            batch.ForEach(p => p.Result = new BookingResult(BookingOutcome.NotFound));
            return;
        }

        // A second click of the Book button finds the first's booking here, whether it was decided
        // earlier or a moment ago in this same batch.
        var userIds = batch.Select(p => p.Request.Booker.UserId).Distinct().ToList();
        var active = await BookingQueries.ActiveBookings.For(db)(db, eventId, userIds)
            .ToDictionaryAsync(b => b.ActiveUserId!, StringComparer.Ordinal);
        var takenReferences = await BookingQueries.TakenReferences.For(db)(db, batch.Select(p => p.Request.Reference).ToList())
            .ToHashSetAsync(StringComparer.Ordinal);

        var counts = await CountPlacesAsync(eventId, now, CancellationToken.None);
        var defaults = await BoardDefaultsAsync(CancellationToken.None);
        foreach (var pending in batch)
        {
            var request = pending.Request;
            if (active.TryGetValue(request.Booker.UserId, out var existing))
            {
                pending.Result = new BookingResult(BookingOutcome.AlreadyBooked, existing);
                continue;
            }

            if (ev.RefusalAt(now) is { } refusal)
            {
                pending.Result = new BookingResult(BookingOutcome.Refused, Refusal: refusal);
                continue;
            }

            var placeFree = counts.PlaceFree(ev.Capacity);
            if (!placeFree && !ev.WaitingListEnabled)
            {
                pending.Result = new BookingResult(BookingOutcome.Refused, Refusal: BookingRefusal.FullNoWaitingList);
                continue;
            }

            if (placeFree && ev.RequiresApproval && request.LineManagerEmail is null)
            {
                // The booking page asks for it, but the event may have started asking for approval since the questions were answered.
                pending.Result = new BookingResult(BookingOutcome.Refused, Refusal: BookingRefusal.LineManagerNeeded);
                continue;
            }

            var booker = request.Booker;
            // The reference was drawn before the lock, so another booking made since may have drawn the same one.
            var reference = takenReferences.Add(request.Reference) ? request.Reference : await NewReferenceAsync(CancellationToken.None);
            var booking = Booking.Request(request.BookingId, eventId, reference, booker.UserId, booker.FullName, booker.Email, booker.AgencyName,
                booker.Sector, booker.JobRole, booker.LocalityName, request.LineManagerEmail, request.Answer, now);
            db.Add(booking);
            active[booker.UserId] = booking;
            if (placeFree && ev.RequiresApproval)
            {
                var hold = now + options.Value.ApprovalHold;
                booking.HoldForApproval(hold < ev.BookingClosesAt ? hold : ev.BookingClosesAt, EventTokens.NewNonce());
                await mail.ApprovalRequestAsync(ev, booking, CancellationToken.None);
                counts = counts with { Held = counts.Held + 1 };
                pending.Result = new BookingResult(BookingOutcome.PendingApproval, booking);
            }
            else if (placeFree)
            {
                booking.Confirm(now);
                await mail.ConfirmedAsync(ev, booking, defaults.ReminderDaysBefore, CancellationToken.None, newBooking: true);
                counts = counts with { Held = counts.Held + 1 };
                pending.Result = new BookingResult(BookingOutcome.Confirmed, booking);
            }
            else
            {
                booking.JoinWaitingList((counts.LastWaitlistPosition ?? 0) + 1);
                await mail.WaitlistedAsync(ev, booking, counts.Waitlisted + 1, CancellationToken.None);
                counts = counts with { Waitlisted = counts.Waitlisted + 1, LastWaitlistPosition = booking.WaitlistPosition };
                pending.Result = new BookingResult(BookingOutcome.Waitlisted, booking);
            }
        }
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
    /// An event's places in one query, inside its lock: the places held (confirmed, and offers and
    /// approval holds that have not run out; walk-ins are extra), who is queueing (waiting or holding an
    /// offer), and the last waiting-list position given.
    /// </summary>
    private async Task<PlaceCounts> CountPlacesAsync(Guid eventId, DateTime now, CancellationToken ct)
    {
        var bookings = db.Set<Booking>().Where(b => b.EventId == eventId);
        var holdsPlace = Booking.HoldsPlaceAt(now);
        return await db.Set<LearningEvent>().Where(e => e.Id == eventId)
            .Select(e => new PlaceCounts(
                bookings.Count(holdsPlace),
                bookings.Count(b => b.Status == BookingStatus.Waitlisted),
                bookings.Count(b => b.Status == BookingStatus.Offered),
                bookings.Max(b => b.WaitlistPosition)))
            .SingleOrDefaultAsync(ct) ?? new PlaceCounts(0, 0, 0, null);
    }

    private sealed record PlaceCounts(int Held, int Waitlisted, int Offered, int? LastWaitlistPosition)
    {
        /// <summary>A new booking gets a place only when one is free and nobody is queueing ahead of it.</summary>
        public bool PlaceFree(int capacity) => Held < capacity && Waitlisted == 0 && Offered == 0;
    }

    /// <summary>Places in use now: confirmed bookings and holds (offers, pending approvals) that have not run out. Walk-ins are extra.</summary>
    private Task<int> PlacesHeldAsync(Guid eventId, DateTime now, CancellationToken ct) =>
        db.Set<Booking>().Where(b => b.EventId == eventId).CountAsync(Booking.HoldsPlaceAt(now), ct);

    /// <summary>
    /// <see cref="SettleEventAsync"/> for a caller already inside the event's lock (<see cref="BookingChanges"/>
    /// after a change that may free a place).
    /// </summary>
    internal async Task SettleAsync(LearningEvent ev, DateTime now, CancellationToken ct)
    {
        var runOut = await db.Set<Booking>().Where(b => b.EventId == ev.Id).Where(Booking.HoldRunOutAt(now)).ToListAsync(ct);
        foreach (var booking in runOut)
        {
            var wasOffer = booking.Status == BookingStatus.Offered;
            booking.Expire(now);
            metrics.HoldRunOut(boards.Required.Slug, wasOffer);
            if (wasOffer)
            {
                await mail.OfferExpiredAsync(ev, booking, ct);
            }
            else
            {
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

        metrics.Offered(boards.Required.Slug, next.Count);
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

    internal async Task<BoardDefaults> BoardDefaultsAsync(CancellationToken ct)
    {
        var boardId = boards.Required.Id;
        return _defaults ??= await BookingQueries.BoardDefaults.For(db)(db, boardId, ct);
    }
}

/// <summary>
/// The queries every booking runs, compiled (<see cref="CompiledPerModel{TQuery}"/>): EF Core then skips, on each call,
/// making the query's cache key from its expression tree and looking it up. With fifty bookings at once on two cores
/// the CPU is what they wait for: compiling these took the warm p95 from about 300 to about 240 ms (bench/README.md,
/// "Session 15"). The board filter still applies: it reads the calling context's board on each execution.
/// </summary>
internal static class BookingQueries
{
    public static readonly CompiledPerModel<Func<LearningHubDbContext, Guid, Task<LearningEvent?>>> Event = new(() =>
        EF.CompileAsyncQuery((LearningHubDbContext db, Guid eventId) => db.Set<LearningEvent>().SingleOrDefault(e => e.Id == eventId)));

    /// <summary>The event as a booking page shows it: published or closed, never a draft; not tracked.</summary>
    public static readonly CompiledPerModel<Func<LearningHubDbContext, Guid, CancellationToken, Task<LearningEvent?>>> ShownEvent = new(() =>
        EF.CompileAsyncQuery((LearningHubDbContext db, Guid eventId, CancellationToken ct) =>
            db.Set<LearningEvent>().AsNoTracking().SingleOrDefault(e => e.Id == eventId && e.Status != EventStatus.Draft)));

    public static readonly CompiledPerModel<Func<LearningHubDbContext, Guid, List<string>, IAsyncEnumerable<Booking>>> ActiveBookings = new(() =>
        EF.CompileAsyncQuery((LearningHubDbContext db, Guid eventId, List<string> userIds) =>
            db.Set<Booking>().Where(b => b.EventId == eventId && b.ActiveUserId != null && userIds.Contains(b.ActiveUserId))));

    public static readonly CompiledPerModel<Func<LearningHubDbContext, List<string>, IAsyncEnumerable<string>>> TakenReferences = new(() =>
        EF.CompileAsyncQuery((LearningHubDbContext db, List<string> references) =>
            db.Set<Booking>().Where(b => references.Contains(b.Reference)).Select(b => b.Reference)));

    public static readonly CompiledPerModel<Func<LearningHubDbContext, Guid, CancellationToken, Task<BookingService.BoardDefaults>>> BoardDefaults = new(() =>
        EF.CompileAsyncQuery((LearningHubDbContext db, Guid boardId, CancellationToken ct) =>
            db.Boards.AsNoTracking().Where(b => b.Id == boardId)
                .Select(b => new BookingService.BoardDefaults(b.WaitlistOfferHours, b.ReminderDaysBefore)).Single()));
}
