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
    /// <summary>The bookings of one kind (group, status, mark, walk-in, theme) and how many there are.</summary>
    private sealed record Tally(string? Agency, Sector? Sector, string? Locality, BookingStatus Status, AttendanceMark? Attendance, bool IsWalkIn, Guid? ThemeId, int Count);

    public async Task<Reach> ForAsync(DateTime fromUtc, DateTime toUtc, DateTime nowUtc, CancellationToken ct = default)
    {
        var events = await db.Set<LearningEvent>().AsNoTracking()
            .Where(e => e.Status != EventStatus.Draft && e.StartUtc >= fromUtc && e.StartUtc < toUtc)
            .Select(e => new { e.Id, e.Capacity, e.Status, e.EndUtc, e.ThemeId, Theme = db.LearningThemes.Where(t => t.Id == e.ThemeId).Select(t => t.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var ids = events.Select(e => e.Id).ToList();
        var themes = events.Where(e => e.ThemeId is not null && e.Theme is not null).GroupBy(e => e.ThemeId!.Value).ToDictionary(g => g.Key, g => g.First().Theme!);

        // Counted in the database, one row per kind of booking rather than per booking: a year of the largest board's
        // events is 200,000 bookings, and reading them row by row was most of this page's time (issue 22). The event
        // is carried only as its theme, which is all the tables below need of it.
        var tallies = await db.Set<Booking>().AsNoTracking()
            .Where(b => ids.Contains(b.EventId) && b.Status != BookingStatus.OfferExpired && b.Status != BookingStatus.Declined)
            .Join(db.Set<LearningEvent>().AsNoTracking().IgnoreAutoIncludes(), b => b.EventId, e => e.Id,
                (b, e) => new { b.AgencyName, b.Sector, b.LocalityName, b.Status, b.Attendance, b.IsWalkIn, e.ThemeId })
            .GroupBy(b => new { b.AgencyName, b.Sector, b.LocalityName, b.Status, b.Attendance, b.IsWalkIn, b.ThemeId })
            .Select(g => new Tally(g.Key.AgencyName, g.Key.Sector, g.Key.LocalityName, g.Key.Status, g.Key.Attendance, g.Key.IsWalkIn, g.Key.ThemeId, g.Count()))
            .ToListAsync(ct);

        static ReachRow Count(string group, IEnumerable<Tally> rows)
        {
            var list = rows.ToList();
            return new ReachRow(group,
                list.Where(r => !r.IsWalkIn && r.Status != BookingStatus.Cancelled).Sum(r => r.Count),
                list.Where(r => Came(r.Attendance)).Sum(r => r.Count),
                list.Where(r => r.Attendance == AttendanceMark.PartlyAttended).Sum(r => r.Count),
                list.Where(r => r.Attendance == AttendanceMark.NoShow).Sum(r => r.Count),
                list.Where(r => r.Status == BookingStatus.Cancelled).Sum(r => r.Count),
                list.Where(r => r.IsWalkIn).Sum(r => r.Count));
        }

        IReadOnlyList<ReachRow> Group(Func<Tally, string> key) =>
            tallies.GroupBy(key)
                .Select(g => Count(g.Key, g))
                .OrderByDescending(r => r.Bookings + r.WalkIns).ThenBy(r => r.Group, StringComparer.Ordinal)
                .ToList();

        // A session was held when it has ended, or when people are marked as having come to it: a session marked
        // on its day (or one whose end was typed wrongly) was held although its end is not yet past.
        var came = CameMarks;
        var attendedEvents = (await db.Set<Booking>().AsNoTracking()
            .Where(b => ids.Contains(b.EventId) && b.Status != BookingStatus.OfferExpired && b.Status != BookingStatus.Declined
                        && b.Attendance != null && came.Contains(b.Attendance.Value))
            .Select(b => b.EventId).Distinct().ToListAsync(ct)).ToHashSet();
        var held = events.Where(e => e.Status == EventStatus.Published && (e.EndUtc <= nowUtc || attendedEvents.Contains(e.Id))).ToList();
        return new Reach(
            new ReachTotals(held.Count, events.Where(e => e.Status == EventStatus.Published).Sum(e => e.Capacity), Count("All", tallies)),
            Group(t => t.Agency ?? "Agency not given"),
            Group(t => t.Sector?.DisplayName() ?? "Sector not given"),
            Group(t => t.Locality ?? "Locality not given"),
            Group(t => t.ThemeId is { } theme && themes.TryGetValue(theme, out var name) ? name : "No theme"));
    }

    /// <summary>The marks of someone who came: in full, in part or as a walk-in (what the board's impact counts as attended too).</summary>
    public static readonly AttendanceMark[] CameMarks = [AttendanceMark.Attended, AttendanceMark.PartlyAttended, AttendanceMark.WalkIn];

    private static bool Came(AttendanceMark? mark) => mark is { } m && CameMarks.Contains(m);
}
