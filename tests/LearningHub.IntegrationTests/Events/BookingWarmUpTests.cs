using LearningHub.Events.Domain;
using LearningHub.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Events;

/// <summary>After a start the booking path is warmed in the background (BookingWarmUp), and nothing is booked by it.</summary>
public sealed class BookingWarmUpTests(StructuredLoggingTests.CapturingFactory factory) : IClassFixture<StructuredLoggingTests.CapturingFactory>
{
    [Fact]
    public async Task The_booking_path_is_warmed_after_the_start_without_booking_anything()
    {
        factory.CreateClient();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!factory.Logs.Entries.Any(e => e.Message.StartsWith("Booking path warmed in", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.StartsWith("Warming the booking path failed", StringComparison.Ordinal));
            Assert.True(DateTime.UtcNow < deadline, "the booking path was not warmed within 60 s of the start");
            await Task.Delay(50);
        }

        Assert.Equal(0, await factory.WithBoardAsync("norfolk", db => db.Set<Booking>().IgnoreQueryFilters().CountAsync()));
    }
}
