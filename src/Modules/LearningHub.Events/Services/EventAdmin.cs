using LearningHub.Core.Learning;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Services;

/// <summary>What a coordinator sets on an event (the edit page's input, and the recipe's).</summary>
public sealed record EventDetails(
    string Title, string Summary, EventFormat Format, string? Venue, string? JoiningLink, Guid? LocalityId, Guid? ThemeId,
    DateTime StartUtc, DateTime EndUtc, int Capacity, DateTime? BookingOpensUtc, DateTime? BookingClosesUtc,
    DateTime? CancellationCutoffUtc, bool RequiresApproval, bool WaitingListEnabled, IReadOnlyList<Sector> Audience,
    IReadOnlyList<string> LinkedModules, bool AttendanceCountsTowardModules, string? Facilitators, string? BookingQuestion, Guid? RoadshowId)
{
    /// <summary>The Forms module's form asked before the event, of people with a confirmed place; none when null.</summary>
    public string? BaselineFormKey { get; init; }

    /// <summary>The form sent to those who attended when the register closes; none when null.</summary>
    public string? EvaluationFormKey { get; init; }

    /// <summary>The form sent to those who attended <see cref="FollowUpDays"/> after the event; none when null.</summary>
    public string? FollowUpFormKey { get; init; }

    /// <summary>The recommendations the event answers (<see cref="EventDetails.LinkedModules"/> are the modules it teaches).</summary>
    public IReadOnlyList<RecommendationRef> LinkedRecommendations { get; init; } = [];

    /// <summary>Days after the event for the follow-up; the board's default when null.</summary>
    public int? FollowUpDays { get; init; }

    public bool FollowUpToLineManager { get; init; }
}

public enum CheckInOutcome
{
    /// <summary>Not checked in yet, and can be: what a scan shows before the coordinator confirms.</summary>
    Ready,
    CheckedIn,
    AlreadyCheckedIn,
    NotFound,
    NotBooked,
    /// <summary>The register is closed: the evaluation has gone out, so marks no longer change.</summary>
    RegisterClosed,
}

/// <summary>The coordinator's operations on events: each saves its change and everybody's mail together.</summary>
public sealed class EventAdmin(LearningHubDbContext db, EventLock eventLock, BookingService bookings, BookingMail mail, TimeProvider clock,
    AttendanceCredits credits, RegisterClosing closing, AuditLog audit)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<LearningEvent> CreateAsync(EventDetails details, string? key = null, CancellationToken ct = default)
    {
        var ev = new LearningEvent { Key = key, CreatedUtc = Now, UpdatedUtc = Now };
        Apply(ev, details);
        db.Add(ev);
        await db.SaveChangesAsync(ct);
        return ev;
    }

    /// <summary>
    /// Saves changes. A new time or place tells everyone with a place (updated invite, new reminder);
    /// more places are offered down the waiting list at once.
    /// </summary>
    public async Task UpdateAsync(Guid eventId, EventDetails details, CancellationToken ct = default)
    {
        await eventLock.RunAsync(eventId, async () =>
        {
            var ev = await db.Set<LearningEvent>().SingleAsync(e => e.Id == eventId, ct);
            var moved = ev.StartUtc != details.StartUtc || ev.EndUtc != details.EndUtc || ev.Venue != details.Venue
                        || ev.JoiningLink != details.JoiningLink || ev.Format != details.Format;
            var previousRevision = ev.Revision;
            Apply(ev, details);
            ev.UpdatedUtc = Now;
            if (moved && ev.Status == EventStatus.Published)
            {
                ev.Revision++;
                var defaults = await db.Boards.AsNoTracking().Where(b => b.Id == ev.BoardId).Select(b => b.ReminderDaysBefore).SingleAsync(ct);
                foreach (var booking in await db.Set<Booking>().Where(b => b.EventId == eventId && b.Status == BookingStatus.Confirmed && !b.IsWalkIn).ToListAsync(ct))
                {
                    await mail.EventChangedAsync(ev, booking, previousRevision, defaults, ct);
                }
            }

            return true;
        }, ct);

        // A raised capacity goes down the waiting list in order.
        await bookings.SettleEventAsync(eventId, ct);
    }

    public async Task PublishAsync(Guid eventId, CancellationToken ct = default)
    {
        var ev = await db.Set<LearningEvent>().SingleAsync(e => e.Id == eventId, ct);
        if (ev.Status == EventStatus.Draft)
        {
            ev.Status = EventStatus.Published;
            ev.UpdatedUtc = Now;
            audit.Record("events.event.published", Target(ev), new { start = ev.StartUtc, ev.Capacity });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Cancels the event and every booking and waiting-list place on it; each person is told (with a calendar cancellation if they had a place).</summary>
    public Task CancelAsync(Guid eventId, CancellationToken ct = default) =>
        eventLock.RunAsync(eventId, async () =>
        {
            var now = Now;
            var ev = await db.Set<LearningEvent>().SingleAsync(e => e.Id == eventId, ct);
            if (ev.Status == EventStatus.Cancelled)
            {
                return false;
            }

            ev.Status = EventStatus.Cancelled;
            ev.UpdatedUtc = now;
            audit.Record("events.event.cancelled", Target(ev), new { start = ev.StartUtc });
            // An event cancelled after its register closed (held in error): nobody is followed up about it.
            if (ev.RegisterClosed)
            {
                foreach (var held in await db.Set<Booking>().Where(b => b.EventId == eventId && b.Status == BookingStatus.Confirmed).ToListAsync(ct))
                {
                    await closing.CallOffFollowUpAsync(ev, held, ct);
                }
            }

            foreach (var booking in await StillBooked(eventId).ToListAsync(ct))
            {
                var wasConfirmed = booking.Status == BookingStatus.Confirmed;
                booking.Cancel(now, "coordinator");
                await mail.EventCancelledAsync(ev, booking, wasConfirmed, ct);
            }

            return true;
        }, ct);

    /// <summary>The bookings <see cref="CancelAsync"/> cancels and mails: everyone holding, offered or waiting for a place.</summary>
    public IQueryable<Booking> StillBooked(Guid eventId) => db.Set<Booking>().Where(b => b.EventId == eventId && b.ActiveUserId != null);

    /// <summary>Who <see cref="MessageAttendeesAsync"/> mails: confirmed places, not walk-ins (they came on the day).</summary>
    public IQueryable<Booking> MessageRecipients(Guid eventId) =>
        db.Set<Booking>().Where(b => b.EventId == eventId && b.Status == BookingStatus.Confirmed && !b.IsWalkIn);

    /// <summary>A new draft session like <paramref name="eventId"/>, a week later: the usual way to add a roadshow date.</summary>
    public async Task<LearningEvent> CopyAsync(Guid eventId, CancellationToken ct = default)
    {
        var source = await db.Set<LearningEvent>().AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
        var copy = new LearningEvent { CreatedUtc = Now, UpdatedUtc = Now };
        Apply(copy, DetailsOf(source) with
        {
            Title = source.Title.Length <= 190 ? source.Title + " (copy)" : source.Title,
            StartUtc = source.StartUtc.AddDays(7),
            EndUtc = source.EndUtc.AddDays(7),
            BookingOpensUtc = source.BookingOpensUtc?.AddDays(7),
            BookingClosesUtc = source.BookingClosesUtc?.AddDays(7),
            CancellationCutoffUtc = source.CancellationCutoffUtc?.AddDays(7),
        });
        db.Add(copy);
        await db.SaveChangesAsync(ct);
        return copy;
    }

    /// <summary>Mails everyone with a confirmed place; returns how many.</summary>
    public async Task<int> MessageAttendeesAsync(Guid eventId, string message, CancellationToken ct = default)
    {
        var ev = await db.Set<LearningEvent>().SingleAsync(e => e.Id == eventId, ct);
        var messageId = Guid.NewGuid();
        var attendees = await MessageRecipients(eventId).OrderBy(b => b.CreatedUtc).ToListAsync(ct);
        foreach (var booking in attendees)
        {
            await mail.MessageAsync(ev, booking, messageId, message, ct);
        }

        await db.SaveChangesAsync(ct);
        return attendees.Count;
    }

    /// <summary>
    /// Records the register's marks; false (nothing changed) once the register is closed. A mark of Attended on an event
    /// whose attendance counts toward its case modules credits them in the same save.
    /// </summary>
    public async Task<bool> MarkAttendanceAsync(Guid eventId, IReadOnlyDictionary<Guid, AttendanceMark?> marks, string recordedBy, CancellationToken ct = default)
    {
        var now = Now;
        var ev = await db.Set<LearningEvent>().AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
        if (ev.RegisterClosed)
        {
            return false;
        }

        var ids = marks.Keys.ToList();
        // Only confirmed places are on the register (a mark sent for one cancelled since the page was shown is left out).
        foreach (var booking in await db.Set<Booking>().Where(b => b.EventId == eventId && ids.Contains(b.Id) && b.Status == BookingStatus.Confirmed)
                     .ToListAsync(ct))
        {
            var mark = marks[booking.Id];
            if (mark is null)
            {
                booking.ClearAttendance();
                continue;
            }

            if (booking.Attendance != mark)
            {
                booking.MarkAttendance(mark.Value, AttendanceSource.Register, recordedBy, now);
                await credits.CreditAsync(ev, booking, now, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Adds someone who came without a booking, marked Walk-in; null once the register is closed.</summary>
    public async Task<Booking?> AddWalkInAsync(Guid eventId, string fullName, string email, string? agencyName, Sector? sector, string? jobRole,
        string boardShortName, string recordedBy, string? localityName = null, CancellationToken ct = default)
    {
        var now = Now;
        if (await db.Set<LearningEvent>().AnyAsync(e => e.Id == eventId && e.RegisterClosedUtc != null, ct))
        {
            return null;
        }

        var booking = Booking.WalkIn(eventId, BookingReference.New(boardShortName), fullName, email, agencyName, sector, jobRole, recordedBy, now, localityName);
        db.Add(booking);
        await db.SaveChangesAsync(ct);
        return booking;
    }

    /// <summary>
    /// What checking the booking in would do, without doing it: a scan of a confirmation's QR code shows this and a
    /// button, so opening the link (a GET) changes nothing.
    /// </summary>
    public async Task<(CheckInOutcome Outcome, Booking? Booking)> CheckInStateAsync(Guid bookingId, CancellationToken ct = default)
    {
        var booking = await db.Set<Booking>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        return (booking is null ? CheckInOutcome.NotFound : await StateOfAsync(booking, ct), booking);
    }

    /// <summary>Checks the booking in (the coordinator's confirmation of a scan). A second check-in is not an error: it says when the person checked in.</summary>
    public async Task<(CheckInOutcome Outcome, Booking? Booking)> CheckInAsync(Guid bookingId, string recordedBy, CancellationToken ct = default)
    {
        var booking = await db.Set<Booking>().SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null)
        {
            return (CheckInOutcome.NotFound, null);
        }

        var state = await StateOfAsync(booking, ct);
        if (state != CheckInOutcome.Ready)
        {
            return (state, booking);
        }

        var ev = await db.Set<LearningEvent>().AsNoTracking().SingleAsync(e => e.Id == booking.EventId, ct);
        var previous = booking.Attendance;
        booking.MarkAttendance(AttendanceMark.Attended, AttendanceSource.QrCode, recordedBy, Now);
        if (previous != AttendanceMark.Attended)
        {
            await credits.CreditAsync(ev, booking, Now, ct);
        }

        await db.SaveChangesAsync(ct);
        return (CheckInOutcome.CheckedIn, booking);
    }

    private async Task<CheckInOutcome> StateOfAsync(Booking booking, CancellationToken ct)
    {
        if (booking.Status != BookingStatus.Confirmed)
        {
            return CheckInOutcome.NotBooked;
        }

        if (booking.CheckedInUtc is not null)
        {
            return CheckInOutcome.AlreadyCheckedIn;
        }

        return await db.Set<LearningEvent>().AnyAsync(e => e.Id == booking.EventId && e.RegisterClosedUtc != null, ct)
            ? CheckInOutcome.RegisterClosed
            : CheckInOutcome.Ready;
    }

    public static EventDetails DetailsOf(LearningEvent ev) => new(
        ev.Title, ev.Summary, ev.Format, ev.Venue, ev.JoiningLink, ev.LocalityId, ev.ThemeId, ev.StartUtc, ev.EndUtc, ev.Capacity,
        ev.BookingOpensUtc, ev.BookingClosesUtc, ev.CancellationCutoffUtc, ev.RequiresApproval, ev.WaitingListEnabled, ev.Audience,
        ev.LinkedModules, ev.AttendanceCountsTowardModules, ev.Facilitators, ev.BookingQuestion, ev.RoadshowId)
    {
        BaselineFormKey = ev.BaselineFormKey,
        EvaluationFormKey = ev.EvaluationFormKey,
        FollowUpFormKey = ev.FollowUpFormKey,
        FollowUpDays = ev.FollowUpDays,
        FollowUpToLineManager = ev.FollowUpToLineManager,
        LinkedRecommendations = ev.LinkedRecommendations,
    };

    internal static void Apply(LearningEvent ev, EventDetails d)
    {
        ev.Title = d.Title;
        ev.Summary = d.Summary;
        ev.Format = d.Format;
        ev.Venue = d.Venue;
        ev.JoiningLink = d.JoiningLink;
        ev.LocalityId = d.LocalityId;
        ev.ThemeId = d.ThemeId;
        ev.StartUtc = d.StartUtc;
        ev.EndUtc = d.EndUtc;
        ev.Capacity = d.Capacity;
        ev.BookingOpensUtc = d.BookingOpensUtc;
        ev.BookingClosesUtc = d.BookingClosesUtc;
        ev.CancellationCutoffUtc = d.CancellationCutoffUtc;
        ev.RequiresApproval = d.RequiresApproval;
        ev.WaitingListEnabled = d.WaitingListEnabled;
        ev.AudienceSectors = string.Join(',', d.Audience);
        ev.SetLinks(d.LinkedModules, d.LinkedRecommendations);
        ev.AttendanceCountsTowardModules = d.AttendanceCountsTowardModules;
        ev.Facilitators = d.Facilitators;
        ev.BookingQuestion = d.BookingQuestion;
        ev.RoadshowId = d.RoadshowId;
        ev.BaselineFormKey = d.BaselineFormKey;
        ev.EvaluationFormKey = d.EvaluationFormKey;
        ev.FollowUpFormKey = d.FollowUpFormKey;
        ev.FollowUpDays = d.FollowUpDays;
        ev.FollowUpToLineManager = d.FollowUpToLineManager;
    }

    /// <summary>How audit entries name an event.</summary>
    public static AuditTarget Target(LearningEvent ev) => new("Event", ev.Id.ToString(), $"{ev.Title}, {LondonTime.Date(ev.StartUtc)}");
}
