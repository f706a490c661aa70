using System.Diagnostics;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Telemetry;
using LearningHub.Events.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LearningHub.Events.Services;

/// <summary>
/// Finds offers and approval holds that have run out, on every board, and settles their events: the
/// hold ends (with its mail) and the place is offered to the next person. Everything it needs is in the
/// database, so a restart loses nothing; the clock is the injected <see cref="TimeProvider"/>, so tests
/// move time instead of waiting.
/// </summary>
public sealed class WaitlistProcessor(IServiceScopeFactory scopes, TimeProvider clock, EventsMetrics metrics, ILogger<WaitlistProcessor> logger)
{
    /// <summary>One pass; returns how many events were settled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var span = LearningHubTelemetry.Spans.StartActivity("waitlist.pass");
        var started = Stopwatch.GetTimestamp();
        try
        {
            var settled = await SettleDueAsync(ct);
            metrics.WaitlistPass(Stopwatch.GetElapsedTime(started), settled, completed: true);
            span?.SetTag("waitlist.events_settled", settled);
            return settled;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.WaitlistPass(Stopwatch.GetElapsedTime(started), 0, completed: false);
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    private async Task<int> SettleDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<(Guid BoardId, Guid EventId)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LearningHubDbContext>();
            // Across boards by design: the job serves them all, then acts for each board in its own scope.
            due = (await db.Set<Booking>().IgnoreQueryFilters().AsNoTracking()
                    .Where(Booking.HoldRunOutAt(now))
                    .Select(b => new { b.BoardId, b.EventId })
                    .Distinct()
                    .ToListAsync(ct))
                .Select(x => (x.BoardId, x.EventId))
                .ToList();
        }

        var settled = 0;
        foreach (var (boardId, eventId) in due)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var board = (await scope.ServiceProvider.GetRequiredService<BoardDirectory>().ListAsync(ct)).FirstOrDefault(b => b.Id == boardId);
                if (board is null)
                {
                    continue;
                }

                scope.ServiceProvider.GetRequiredService<BoardContext>().Use(board);
                await scope.ServiceProvider.GetRequiredService<BookingService>().SettleEventAsync(eventId, ct);
                settled++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One event's trouble must not stop the others; it is found again next pass.
                logger.LogError(ex, "Could not settle the waiting list of event {EventId}", eventId);
            }
        }

        return settled;
    }
}
