using System.Diagnostics;
using System.Security.Claims;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Hosting;
using LearningHub.Events.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningHub.Events.Services;

/// <summary>
/// On a restart, rehearses a booking as soon as the first board is known, and the site is declared ready only once it has
/// finished (<see cref="SiteReadiness.TrackWarmUp"/>): what the Confirm booking page reads, then a whole decision on the
/// board's next event, its booking, mail and reminder saved, all rolled back (<see cref="BookingService.RehearseAsync"/>).
/// On a start that applies recipes it rehearses once the site is ready (<see cref="SiteReadiness.SettingUpBoards"/>).
/// The first rush of bookings after a start otherwise paid for compiling all of that (a JIT listing counted 784 methods
/// compiled during a burst of 200 bookings right after a start, bench/README.md, "Session 24"), while each of the 200
/// requests waited for the CPU. Nothing is committed and no decision is counted. A failure only costs the head start.
/// </summary>
public sealed class BookingWarmUp(IServiceScopeFactory scopes, SiteReadiness readiness, IOptions<EventsOptions> options, TimeProvider clock,
    ILogger<BookingWarmUp> logger)
    : BackgroundService
{
    /// <summary>Nobody's account: the rehearsal's booker, and the Confirm page's look-up that finds no one.</summary>
    private static readonly Booker Rehearsal = new("warm-up", "Warm up", "warm-up@invalid", null, null, null, null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BookingWarmUpEnabled)
        {
            return;
        }

        // Registered at the host's start, while the database is still being prepared, so readiness waits for it.
        var rehearsed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        readiness.TrackWarmUp(rehearsed.Task);
        try
        {
            string board;
            try
            {
                board = await readiness.FirstBoardAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return; // No board (the database was prepared without one), or stopping.
            }

            if (readiness.SettingUpBoards)
            {
                // A first start (or a board added): nobody is signed in to a board being set up, and the recipes are what
                // readiness waits for; rehearsing beside them cost a first start 0.3-0.4 s (bench/README.md, "Session 24").
                rehearsed.TrySetResult();
                if (!await readiness.WaitQuietlyAsync(stoppingToken))
                {
                    return;
                }
            }

            await RehearseAsync(board, stoppingToken);
        }
        finally
        {
            rehearsed.TrySetResult();
        }
    }

    private async Task RehearseAsync(string slug, CancellationToken stoppingToken)
    {
        var timer = Stopwatch.StartNew();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var board = await services.GetRequiredService<BoardDirectory>().FindAsync(slug, stoppingToken);
            if (board is null)
            {
                return;
            }

            services.GetRequiredService<BoardContext>().Use(board);
            var db = services.GetRequiredService<LearningHubDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            // The next event anyone could book; with none, a missing one (only the first query is then rehearsed).
            var eventId = await db.Set<LearningEvent>().AsNoTracking()
                .Where(e => e.Status == EventStatus.Published && e.StartUtc > now)
                .OrderBy(e => e.StartUtc)
                .Select(e => e.Id)
                .FirstOrDefaultAsync(stoppingToken);

            // What the Confirm booking page reads before it decides.
            await BookingQueries.ShownEvent.For(db)(db, eventId, stoppingToken);
            var nobody = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Rehearsal.UserId)], "warm-up"));
            await services.GetRequiredService<Practitioners>().BookerAsync(nobody, stoppingToken);

            var outcome = await services.GetRequiredService<BookingService>().RehearseAsync(eventId, Rehearsal, stoppingToken);
            logger.LogInformation("Booking path warmed in {Milliseconds} ms: a booking on /{Board} rehearsed ({Outcome}) and rolled back",
                timer.ElapsedMilliseconds, slug, outcome);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Only a head start: the first real booking does the same work if this could not.
            logger.LogWarning(exception, "Warming the booking path failed");
        }
    }
}
