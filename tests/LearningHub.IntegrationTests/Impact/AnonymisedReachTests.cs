using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Impact.Services;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Impact;

/// <summary>
/// Bookings anonymised by retention or erasure keep their agency but lose the account and email: each still counts as
/// one person reached, and walk-ins who gave the same email twice still count once.
/// </summary>
public sealed class AnonymisedReachTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task Each_anonymised_attendance_counts_as_one_person_and_a_walk_in_twice_by_email_as_one()
    {
        var eventId = await factory.CreateEventAsync("norfolk", 40, d => d with { Title = "Reach after retention" });

        var reach = await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHub.Core.Data.LearningHubDbContext>();
            Booking Came(string email) => new()
            {
                EventId = eventId,
                Reference = BookingReference.New("NSCB"),
                FullName = "Someone",
                Email = email,
                AgencyName = "Anonymised Agency",
                Sector = Sector.Health,
                LocalityName = "Norwich",
                Status = BookingStatus.Confirmed,
                Attendance = AttendanceMark.Attended,
                CreatedUtc = DateTime.UtcNow.AddDays(-2),
                ConfirmedUtc = DateTime.UtcNow.AddDays(-2),
            };

            var anonymised = Enumerable.Range(0, 3).Select(i => Came($"person{i}@nhs.test")).ToList();
            anonymised.ForEach(b => b.RemovePersonalData());
            db.AddRange(anonymised);
            db.AddRange(Came("walk.in@nhs.test"), Came("Walk.In@nhs.test "));
            await db.SaveChangesAsync();

            return await services.GetRequiredService<ImpactReach>().ForAsync(new ImpactScope { EventId = eventId });
        });

        Assert.Equal(4, reach.People);
    }
}
