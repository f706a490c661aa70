using System.Linq.Expressions;
using LearningHub.Core.Data;
using LearningHub.Core.Privacy;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Privacy;

/// <summary>
/// Bookings made by the person, and walk-ins a coordinator added with their email address: the snapshot
/// taken at booking, the answer, the line manager, waiting-list places, attendance and check-in.
/// </summary>
public sealed class EventsPersonalData(LearningHubDbContext db, TimeProvider clock, BookingService bookings) : IPersonalDataSource
{
    // Events whose places the erased person gave up: their waiting lists are settled once the erasure commits.
    private readonly HashSet<Guid> _freedEvents = [];

    /// <summary>Recorded as who cancelled a future booking when its holder's account is erased.</summary>
    public const string CancelledByErasure = "account erased";

    public string Name => "Events";

    public IReadOnlyList<PrivacyNoticeEntry> DescribeForNotice(RetentionSettings retention) =>
    [
        new("Your bookings and waiting-list places: your name, work email, agency, job role, locality, your answers to the booking questions and your line manager's email address where an event needs their approval; whether you attended and when you checked in.",
            "To hold your place, tell you about the event, ask your line manager's approval where needed, take the register, and report attendance by agency, sector and locality.",
            $"{retention.Attendance} after the event ends. Then your name, email address, job role, line manager and answers are removed; attendance, agency, sector and locality stay, without your name, for the board's reports."),
    ];

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        var rows = await TheirRows.For(db)(db, subject.UserId, subject.EmailLower).ToListAsync(cancellationToken);
        var bookings = new PersonalDataSection("Bookings",
            ["Reference", "Event", "Starts", "Status", "Name", "Email address", "Agency", "Sector", "Job role", "Locality",
             "Line manager's email address", "Your answer", "Booked", "Cancelled", "Walk-in"],
            rows.Select(x => (IReadOnlyList<string?>)[x.Booking.Reference, x.Title, PersonalDataText.Time(x.StartUtc), x.Booking.Status.ToString(),
                x.Booking.FullName, x.Booking.Email, x.Booking.AgencyName, x.Booking.Sector?.DisplayName(), x.Booking.JobRole, x.Booking.LocalityName,
                x.Booking.LineManagerEmail, x.Booking.Answer, PersonalDataText.Time(x.Booking.CreatedUtc), PersonalDataText.Time(x.Booking.CancelledUtc),
                PersonalDataText.YesNo(x.Booking.IsWalkIn)]).ToList());
        var waiting = new PersonalDataSection("Waiting lists", ["Reference", "Event", "Position", "Place offered until"],
            rows.Where(x => x.Booking.WaitlistPosition is not null || x.Booking.Status is BookingStatus.Waitlisted or BookingStatus.Offered)
                .Select(x => (IReadOnlyList<string?>)[x.Booking.Reference, x.Title, x.Booking.WaitlistPosition?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    PersonalDataText.Time(x.Booking.OfferExpiresUtc)]).ToList());
        var attendance = new PersonalDataSection("Attendance", ["Reference", "Event", "Attendance", "Recorded by", "Recorded", "Checked in"],
            rows.Where(x => x.Booking.Attendance is not null)
                .Select(x => (IReadOnlyList<string?>)[x.Booking.Reference, x.Title, x.Booking.Attendance.ToString(), x.Booking.AttendanceSource?.ToString(),
                    PersonalDataText.Time(x.Booking.AttendanceRecordedUtc), PersonalDataText.Time(x.Booking.CheckedInUtc)]).ToList());
        return [bookings, waiting, attendance];
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await TheirRowsTracked.For(db)(db, subject.UserId, subject.EmailLower).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            // A place at an event still to come is given up: no one will come to it. Past bookings keep their
            // status and attendance, which the reach report counts.
            if (row.Booking.IsActive && row.StartUtc > now)
            {
                row.Booking.Cancel(now, CancelledByErasure);
                _freedEvents.Add(row.Booking.EventId);
            }

            row.Booking.RemovePersonalData();
        }

        // They may also be someone else's line manager: that booking's copy of their address goes too.
        var email = subject.EmailLower;
        if (email != "")
        {
            foreach (var managed in await db.Set<Booking>().Where(b => b.LineManagerEmail != null && b.LineManagerEmail.ToLower() == email)
                         .ToListAsync(cancellationToken))
            {
                managed.ForgetLineManager();
            }
        }
    }

    /// <summary>Offers the places they gave up to the next people waiting, as a cancellation does (under each event's lock).</summary>
    public async Task AfterErasedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var eventId in _freedEvents)
        {
            await bookings.SettleEventAsync(eventId, cancellationToken);
        }

        _freedEvents.Clear();
    }

    /// <summary>
    /// Their bookings, and any booking with their email address (a walk-in has no account), case-insensitively: the one
    /// rule of both queries below (<c>email</c> lower-cased, "" when they have none).
    /// </summary>
    private static readonly Expression<Func<Booking, string, string, bool>> IsTheirs = (b, userId, email) =>
        b.UserId == userId || (email != "" && b.Email.ToLower() == email);

    private sealed record BookingRow(Booking Booking, string Title, DateTime StartUtc);

    /// <summary>Their bookings with each event's title and start, in order, for the export; compiled, as the account's are.</summary>
    private static readonly CompiledPerModel<Func<LearningHubDbContext, string, string, IAsyncEnumerable<BookingRow>>> TheirRows = new(() =>
        EF.CompileAsyncQuery(Rows(QueryTrackingBehavior.NoTracking)));

    /// <summary>The same, tracked, for the erasure to change.</summary>
    private static readonly CompiledPerModel<Func<LearningHubDbContext, string, string, IAsyncEnumerable<BookingRow>>> TheirRowsTracked = new(() =>
        EF.CompileAsyncQuery(Rows(QueryTrackingBehavior.TrackAll)));

    /// <summary>The rule put in place (LinqKit's Expand): a compiled query takes no method call it cannot translate.</summary>
    private static Expression<Func<LearningHubDbContext, string, string, IQueryable<BookingRow>>> Rows(QueryTrackingBehavior tracking)
    {
        Expression<Func<LearningHubDbContext, string, string, IQueryable<BookingRow>>> rows = (db, userId, email) =>
            db.Set<Booking>().AsTracking(tracking).Where(b => IsTheirs.Invoke(b, userId, email))
                .Join(db.Set<LearningEvent>(), b => b.EventId, e => e.Id, (b, e) => new { Booking = b, e.Title, e.StartUtc })
                .OrderBy(x => x.StartUtc)
                .Select(x => new BookingRow(x.Booking, x.Title, x.StartUtc));
        return rows.Expand();
    }
}
