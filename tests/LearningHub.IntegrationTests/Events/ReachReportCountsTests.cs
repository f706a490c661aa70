using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// The reach report counts bookings in the database, one row per kind of booking (issue 22): each column still counts
/// every booking of its kind, groups with several bookings add up, and the theme comes from each booking's event.
/// </summary>
public sealed class ReachReportCountsTests : IClassFixture<EventsFactory>
{
    private readonly EventsFactory _factory;

    public ReachReportCountsTests(EventsFactory factory) => _factory = factory;

    [Fact]
    public async Task Every_column_counts_each_booking_of_its_kind_by_agency_sector_locality_and_theme()
    {
        // Far from every other test's events, so the period holds only these two.
        var startsIn = TimeSpan.FromDays(777) + TimeSpan.FromMinutes(13);
        var themed = await _factory.CreateEventAsync("norfolk", 20, startsIn: startsIn);
        var unthemed = await _factory.CreateEventAsync("norfolk", 20, startsIn: startsIn + TimeSpan.FromHours(1));
        var theme = await _factory.WithBoardAsync("norfolk", async db =>
        {
            var first = await db.LearningThemes.OrderBy(t => t.Name).FirstAsync();
            var ev = await db.Set<LearningEvent>().SingleAsync(e => e.Id == themed);
            ev.ThemeId = first.Id;
            var other = await db.Set<LearningEvent>().SingleAsync(e => e.Id == unthemed);
            other.ThemeId = null;
            // Agency, sector, locality, status, mark, walk-in: two alike, so one database row counts two bookings.
            var rows = new (Guid Event, string Agency, Sector Sector, string Locality, BookingStatus Status, AttendanceMark? Mark, bool WalkIn)[]
            {
                (themed, "Schools", Sector.Education, "Norwich", BookingStatus.Confirmed, AttendanceMark.Attended, false),
                (themed, "Schools", Sector.Education, "Norwich", BookingStatus.Confirmed, AttendanceMark.Attended, false),
                (themed, "Schools", Sector.Education, "Norwich", BookingStatus.Confirmed, AttendanceMark.NoShow, false),
                (themed, "Police", Sector.Police, "Norwich", BookingStatus.Confirmed, AttendanceMark.PartlyAttended, false),
                (themed, "Police", Sector.Police, "Breckland", BookingStatus.Cancelled, null, false),
                (unthemed, "Police", Sector.Police, "Breckland", BookingStatus.Confirmed, AttendanceMark.WalkIn, true),
                (unthemed, "Schools", Sector.Education, "Breckland", BookingStatus.Declined, null, false),
            };
            var n = 900;
            foreach (var row in rows)
            {
                n++;
                db.Add(new Booking
                {
                    EventId = row.Event,
                    Reference = BookingReference.New("NSCB"),
                    UserId = row.WalkIn ? null : $"user-{n}",
                    ActiveUserId = row.WalkIn || row.Status != BookingStatus.Confirmed ? null : $"user-{n}",
                    FullName = $"Person {n}",
                    Email = $"person{n}@reach.example",
                    AgencyName = row.Agency,
                    Sector = row.Sector,
                    LocalityName = row.Locality,
                    Status = row.Status,
                    Attendance = row.Mark,
                    IsWalkIn = row.WalkIn,
                    CreatedUtc = DateTime.UtcNow,
                    ConfirmedUtc = row.Status == BookingStatus.Declined ? null : DateTime.UtcNow,
                });
            }

            await db.SaveChangesAsync();
            return first.Name;
        });

        var start = DateTime.UtcNow + startsIn;
        var reach = await _factory.WithBoardAsync("norfolk", db =>
            new ReachReport(db).ForAsync(start.AddHours(-1), start.AddHours(3), start.AddDays(2)));

        // Group, bookings, attended (in full, in part or walked in), partly, no-shows, cancellations, walk-ins; the
        // declined booking is in none.
        Assert.Equal(new ReachRow("All", 4, 4, 1, 1, 1, 1), reach.Totals.All);
        Assert.Equal(new[] { new ReachRow("Police", 1, 2, 1, 0, 1, 1), new ReachRow("Schools", 3, 2, 0, 1, 0, 0) },
            reach.ByAgency.OrderBy(r => r.Group));
        Assert.Equal(
            new[] { new ReachRow(Sector.Education.DisplayName(), 3, 2, 0, 1, 0, 0), new ReachRow(Sector.Police.DisplayName(), 1, 2, 1, 0, 1, 1) },
            reach.BySector.OrderBy(r => r.Group));
        Assert.Equal(new[] { new ReachRow("Breckland", 0, 1, 0, 0, 1, 1), new ReachRow("Norwich", 4, 3, 1, 1, 0, 0) },
            reach.ByLocality.OrderBy(r => r.Group));
        Assert.Equal(new[] { new ReachRow("No theme", 0, 1, 0, 0, 0, 1), new ReachRow(theme, 4, 3, 1, 1, 1, 0) },
            reach.ByTheme.OrderBy(r => r.Group == theme));
        Assert.Equal(2, reach.Totals.SessionsHeld);
    }
}
