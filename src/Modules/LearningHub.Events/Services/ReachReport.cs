using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Services;

/// <summary>
/// One row of a reach table: a group (an agency, a sector...) and its counts. Attended counts those who came in
/// full, in part or as walk-ins; <see cref="PartlyAttended"/> says how many of them came in part only.
/// </summary>
public sealed record ReachRow(string Group, int Bookings, int Attended, int PartlyAttended, int NoShows, int Cancellations, int WalkIns)
{
    /// <summary>Attended (in full, in part or as walk-ins) out of those who had a place and were recorded.</summary>
    public double? AttendanceRate => Attended + NoShows == 0 ? null : (double)Attended / (Attended + NoShows);
}

public sealed record ReachTotals(int SessionsHeld, int PlacesOffered, ReachRow All);

public sealed record Reach(ReachTotals Totals, IReadOnlyList<ReachRow> ByAgency, IReadOnlyList<ReachRow> BySector, IReadOnlyList<ReachRow> ByLocality, IReadOnlyList<ReachRow> ByTheme);

/// <summary>
/// Reach of the board's events over a period, for its quarterly report: from the bookings' snapshots
/// (agency, sector and locality as they were when people booked), so later profile changes do not
/// rewrite history.
/// </summary>
public sealed class ReachReport(LearningHubDbContext db)
{
    public async Task<Reach> ForAsync(DateTime fromUtc, DateTime toUtc, DateTime nowUtc, CancellationToken ct = default)
    {
        var events = await db.Set<LearningEvent>().AsNoTracking()
            .Where(e => e.Status != EventStatus.Draft && e.StartUtc >= fromUtc && e.StartUtc < toUtc)
            .Select(e => new { e.Id, e.Capacity, e.Status, e.EndUtc, Theme = db.LearningThemes.Where(t => t.Id == e.ThemeId).Select(t => t.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var ids = events.Select(e => e.Id).ToList();
        var themes = events.ToDictionary(e => e.Id, e => e.Theme ?? "No theme");
        var bookings = await db.Set<Booking>().AsNoTracking()
            .Where(b => ids.Contains(b.EventId) && b.Status != BookingStatus.OfferExpired && b.Status != BookingStatus.Declined)
            .Select(b => new { b.EventId, b.AgencyName, b.Sector, b.LocalityName, b.Status, b.Attendance, b.IsWalkIn })
            .ToListAsync(ct);

        ReachRow Count<T>(string group, IEnumerable<T> rows, Func<T, BookingStatus> status, Func<T, AttendanceMark?> attendance, Func<T, bool> walkIn)
        {
            var list = rows.ToList();
            return new ReachRow(group,
                list.Count(r => !walkIn(r) && status(r) != BookingStatus.Cancelled),
                list.Count(r => Came(attendance(r))),
                list.Count(r => attendance(r) == AttendanceMark.PartlyAttended),
                list.Count(r => attendance(r) == AttendanceMark.NoShow),
                list.Count(r => status(r) == BookingStatus.Cancelled),
                list.Count(r => walkIn(r)));
        }

        IReadOnlyList<ReachRow> Group(Func<(string? Agency, Sector? Sector, string? Locality, Guid EventId), string> key) =>
            bookings.GroupBy(b => key((b.AgencyName, b.Sector, b.LocalityName, b.EventId)))
                .Select(g => Count(g.Key, g, b => b.Status, b => b.Attendance, b => b.IsWalkIn))
                .OrderByDescending(r => r.Bookings + r.WalkIns).ThenBy(r => r.Group, StringComparer.Ordinal)
                .ToList();

        // A session was held when it has ended, or when people are marked as having come to it: a session marked
        // on its day (or one whose end was typed wrongly) was held although its end is not yet past.
        var attendedEvents = bookings.Where(b => Came(b.Attendance)).Select(b => b.EventId).ToHashSet();
        var held = events.Where(e => e.Status == EventStatus.Published && (e.EndUtc <= nowUtc || attendedEvents.Contains(e.Id))).ToList();
        return new Reach(
            new ReachTotals(held.Count, events.Where(e => e.Status == EventStatus.Published).Sum(e => e.Capacity),
                Count("All", bookings, b => b.Status, b => b.Attendance, b => b.IsWalkIn)),
            Group(b => b.Agency ?? "Agency not given"),
            Group(b => b.Sector?.DisplayName() ?? "Sector not given"),
            Group(b => b.Locality ?? "Locality not given"),
            Group(b => themes[b.EventId]));
    }

    /// <summary>The marks of someone who came: in full, in part or as a walk-in (what the board's impact counts as attended too).</summary>
    public static readonly AttendanceMark[] CameMarks = [AttendanceMark.Attended, AttendanceMark.PartlyAttended, AttendanceMark.WalkIn];

    private static bool Came(AttendanceMark? mark) => mark is { } m && CameMarks.Contains(m);
}
