using System.Diagnostics;
using LearningHub.Core.Boards;
using LearningHub.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningHub.Events.Services;

/// <summary>
/// Once the site is ready (<see cref="SiteReadiness"/>), books a place on an event that does not exist, on the first board, in the
/// background: the booking path (queue, lock, the event's query) is compiled and
/// its queries translated before the first rush of real bookings, which otherwise all waited for that
/// (seconds, after a start). Nothing is written: the decision is "not found". Readiness does not wait for it.
/// </summary>
public sealed class BookingWarmUp(IServiceScopeFactory scopes, SiteReadiness readiness, IOptions<EventsOptions> options,
    ILogger<BookingWarmUp> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BookingWarmUpEnabled)
        {
            return;
        }

        if (!await readiness.WaitQuietlyAsync(stoppingToken))
        {
            return;
        }

        var timer = Stopwatch.StartNew();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var board = (await services.GetRequiredService<BoardDirectory>().ListAsync(stoppingToken)).FirstOrDefault();
            if (board is null)
            {
                return;
            }

            services.GetRequiredService<BoardContext>().Use(board);
            var booker = new Booker("warm-up", "Warm up", "warm-up@invalid", null, null, null, null);
            await services.GetRequiredService<BookingService>().BookAsync(Guid.NewGuid(), booker, null, null, stoppingToken);
            logger.LogInformation("Booking path warmed in {Milliseconds} ms", timer.ElapsedMilliseconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Only a head start: the first real booking does the same work if this could not.
            logger.LogWarning(exception, "Warming the booking path failed");
        }
    }
}
