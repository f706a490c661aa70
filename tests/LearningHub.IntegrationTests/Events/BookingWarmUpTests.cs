using LearningHub.Events.Domain;
using LearningHub.IntegrationTests.Hosting;
using LearningHub.Notifications.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// A whole booking is rehearsed on the first board at start (BookingWarmUp) and rolled back: on a restart before the site
/// is declared ready, so the first rush of bookings finds the path compiled; on a first start (recipes applied) once it
/// is ready, so the recipes are not slowed. Nothing is booked or mailed by it.
/// </summary>
public sealed class BookingWarmUpTests
{
    private const string Warmed = "Booking path warmed in";
    private const string Ready = "Site ready";

    [Fact]
    public async Task A_booking_is_rehearsed_after_a_first_start_is_ready_and_before_a_restart_is_and_nothing_of_it_is_kept()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "learninghub-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = new RestartableFactory(dataPath) { KeepData = true })
            {
                first.CreateClient();
                var messages = await LogsOnceAsync(first, Warmed);
                Assert.True(Index(messages, Ready) < Index(messages, Warmed), "a first start waited for the booking rehearsal");
                await AssertNothingKeptAsync(first);
            }

            await using var restarted = new RestartableFactory(dataPath);
            restarted.CreateClient();
            var again = await LogsOnceAsync(restarted, Ready);
            Assert.True(Index(again, Warmed) >= 0 && Index(again, Warmed) < Index(again, Ready),
                "the restarted site was declared ready before the booking rehearsal had finished");
            // A whole decision, on a real event of the first board (a recipe's next session has places).
            Assert.Contains("rehearsed (Confirmed) and rolled back", again[Index(again, Warmed)]);
            await AssertNothingKeptAsync(restarted);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dataPath))
            {
                Directory.Delete(dataPath, recursive: true);
            }
        }
    }

    /// <summary>The log's messages once one starting with <paramref name="prefix"/> is among them (polled, 60 s deadline).</summary>
    private static async Task<List<string>> LogsOnceAsync(RestartableFactory factory, string prefix)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var messages = factory.Logs.Entries.Select(e => e.Message).ToList();
            Assert.DoesNotContain(messages, m => m.StartsWith("Warming the booking path failed", StringComparison.Ordinal));
            if (Index(messages, prefix) >= 0)
            {
                return messages;
            }

            Assert.True(DateTime.UtcNow < deadline, $"\"{prefix}\" was not logged within 60 s of the start");
            await Task.Delay(20);
        }
    }

    /// <summary>The site on a data folder of the test's own, started again on it; its log kept.</summary>
    private sealed class RestartableFactory(string dataPath) : LearningHubFactory(dataPath)
    {
        public StructuredLoggingTests.CapturingLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.AddProvider(Logs);
                logging.AddFilter<StructuredLoggingTests.CapturingLoggerProvider>(null, LogLevel.Information);
            });
        }
    }

    private static int Index(List<string> messages, string prefix) => messages.FindIndex(m => m.StartsWith(prefix, StringComparison.Ordinal));

    private static async Task AssertNothingKeptAsync(RestartableFactory factory)
    {
        foreach (var board in new[] { "norfolk", "essex" })
        {
            Assert.Equal(0, await factory.WithBoardAsync(board, db => db.Set<Booking>().IgnoreQueryFilters().CountAsync()));
            Assert.Equal(0, await factory.WithBoardAsync(board, db =>
                db.Set<OutboxMessage>().IgnoreQueryFilters().CountAsync(m => m.ToAddress == "warm-up@invalid")));
        }
    }
}
