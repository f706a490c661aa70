using LearningHub.Events.Domain;
using LearningHub.IntegrationTests.Hosting;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// After a start the booking path is warmed in the background (BookingWarmUp): a booking is rehearsed on a real
/// upcoming event of the recipes, decided and saved, then rolled back, so nothing is booked or mailed by it.
/// </summary>
public sealed class BookingWarmUpTests(StructuredLoggingTests.CapturingFactory factory) : IClassFixture<StructuredLoggingTests.CapturingFactory>
{
    [Fact]
    public async Task The_booking_path_is_rehearsed_after_the_start_without_booking_or_mailing_anything()
    {
        factory.CreateClient();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        StructuredLoggingTests.CapturedEntry? warmed;
        while ((warmed = factory.Logs.Entries.FirstOrDefault(e => e.Message.StartsWith("Booking path warmed in", StringComparison.Ordinal))) is null)
        {
            Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.StartsWith("Warming the booking path failed", StringComparison.Ordinal));
            Assert.True(DateTime.UtcNow < deadline, "the booking path was not warmed within 60 s of the start");
            await Task.Delay(50);
        }

        // The whole decision ran (a place confirmed or the waiting list joined), not only the event lookup.
        Assert.Matches(@"\(rehearsed on [a-z-]+: (Confirmed|Waitlisted)\)", warmed.Message);
        foreach (var board in new[] { "norfolk", "essex" })
        {
            Assert.Equal(0, await factory.WithBoardAsync(board, db => db.Set<Booking>().IgnoreQueryFilters().CountAsync()));
            Assert.Equal(0, await factory.WithBoardAsync(board, db => db.Set<OutboxMessage>().IgnoreQueryFilters().CountAsync(m => m.ToAddress == "warm-up@invalid")));
        }
    }
}
