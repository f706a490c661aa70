using System.Diagnostics;
using System.Security.Claims;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningHub.Events.Services;

/// <summary>
/// Once the site serves, rehearses a booking in the background: on the first upcoming published event of a
/// board, a booking is decided as the Confirm booking button decides it (the event's turn, places counted,
/// the check-in QR code, the confirmation or waiting-list mail with its calendar file, the save) and then
/// rolled back (<see cref="BookingService.RehearseAsync"/>), and the booking page's reading of the booker's
/// profile runs once. The first rush of real bookings after a start otherwise all waited while the first
/// of them compiled that code and translated those queries (seconds on 2 cores, past the lock wait for many).
/// Nothing is written. With no upcoming event anywhere it books an event that does not exist (the queue,
/// the lock and the event's query). Readiness does not wait for it.
/// </summary>
public sealed class BookingWarmUp(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<EventsOptions> options,
    TimeProvider clock, ILogger<BookingWarmUp> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BookingWarmUpEnabled)
        {
            return;
        }

        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }

        var timer = Stopwatch.StartNew();
        try
        {
            var outcome = await WarmAsync(stoppingToken);
            logger.LogInformation("Booking path warmed in {Milliseconds} ms ({Outcome})", timer.ElapsedMilliseconds, outcome);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Only a head start: the first real booking does the same work if this could not.
            logger.LogWarning(exception, "Warming the booking path failed");
        }
    }

    /// <summary>What was rehearsed, for the log.</summary>
    internal async Task<string> WarmAsync(CancellationToken ct)
    {
        await using var listScope = scopes.CreateAsyncScope();
        var boards = await listScope.ServiceProvider.GetRequiredService<BoardDirectory>().ListAsync(ct);
        var booker = new Booker("warm-up", "Warm up", "warm-up@invalid", null, null, null, null);
        foreach (var board in boards)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            services.GetRequiredService<BoardContext>().Use(board);
            var now = clock.GetUtcNow().UtcDateTime;
            var eventId = await services.GetRequiredService<LearningHubDbContext>().Set<LearningEvent>().AsNoTracking()
                .Where(e => e.Status == EventStatus.Published && e.StartUtc > now && !e.RequiresApproval)
                .OrderBy(e => e.StartUtc)
                .Select(e => (Guid?)e.Id)
                .FirstOrDefaultAsync(ct);
            if (eventId is null)
            {
                continue;
            }

            // The Confirm page reads the booker's profile first (an account that does not exist: nothing is found).
            await services.GetRequiredService<Practitioners>().BookerAsync(
                new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, booker.UserId)], "warm-up")), ct);
            var outcome = await services.GetRequiredService<BookingService>().RehearseAsync(eventId.Value, booker, ct);
            return outcome is null ? "bookings were being decided already" : $"rehearsed on {board.Slug}: {outcome}";
        }

        if (boards.FirstOrDefault() is { } first)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BoardContext>().Use(first);
            await scope.ServiceProvider.GetRequiredService<BookingService>().BookAsync(Guid.NewGuid(), booker, null, null, ct);
            return "no upcoming event: a missing event booked";
        }

        return "no board";
    }
}
