using LearningHub.Events.Domain;
using LearningHub.IntegrationTests.Hosting;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// Before the site is declared ready, a whole booking is rehearsed on the first board (BookingWarmUp) and rolled back:
/// nothing is booked or mailed by it.
/// </summary>
public sealed class BookingWarmUpTests(StructuredLoggingTests.CapturingFactory factory) : IClassFixture<StructuredLoggingTests.CapturingFactory>
{
    [Fact]
    public async Task A_booking_is_rehearsed_before_the_site_is_ready_and_nothing_of_it_is_kept()
    {
        factory.CreateClient();

        // "Site ready" is logged just after readiness is marked, which is when the factory hands the host over.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<string> messages;
        while (!(messages = factory.Logs.Entries.Select(e => e.Message).ToList()).Any(m => m.StartsWith("Site ready", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the site was not declared ready within 30 s");
            await Task.Delay(20);
        }

        Assert.DoesNotContain(messages, m => m.StartsWith("Warming the booking path failed", StringComparison.Ordinal));
        var warmed = messages.FindIndex(m => m.StartsWith("Booking path warmed in", StringComparison.Ordinal));
        var ready = messages.FindIndex(m => m.StartsWith("Site ready", StringComparison.Ordinal));
        Assert.True(warmed >= 0, "the booking path was not warmed before the site was ready");
        Assert.True(ready > warmed, "the site was declared ready before the booking rehearsal had finished");
        // A whole decision, on a real event of the first board (a recipe's next session has places).
        Assert.Contains("rehearsed (Confirmed) and rolled back", messages[warmed]);

        foreach (var board in new[] { "norfolk", "essex" })
        {
            Assert.Equal(0, await factory.WithBoardAsync(board, db => db.Set<Booking>().IgnoreQueryFilters().CountAsync()));
            Assert.Equal(0, await factory.WithBoardAsync(board, db =>
                db.Set<OutboxMessage>().IgnoreQueryFilters().CountAsync(m => m.ToAddress == "warm-up@invalid")));
        }
    }
}
