using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LearningHub.Core.Hosting;

/// <summary>
/// Whether the site's database is ready: migrated, its roles made, every missing board's recipe applied (and, when
/// configured, the demo accounts made). The host starts listening while that is still under way, so the pipeline, the
/// first pages and the background services get going on the spare core; until it is ready the host's start-up gate
/// holds requests at the door and background jobs wait before their first pass. Ready once, for the life of the process.
/// </summary>
public sealed class SiteReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _firstBoard = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _warmUp = Task.CompletedTask;

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Completes when the site is ready; throws what stopped it if preparing the database failed.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// The slug of the first board whose content is complete (an existing board, or the first one a recipe set up),
    /// for warming the pages while the other boards are still being set up. Cancelled if none ever is.
    /// </summary>
    public Task<string> FirstBoardAsync(CancellationToken cancellationToken) => _firstBoard.Task.WaitAsync(cancellationToken);

    /// <summary>A board's content is complete (its recipe's transaction has committed, or it already existed).</summary>
    public void BoardAvailable(string slug) => _firstBoard.TrySetResult(slug);

    /// <summary>
    /// This start applies boards' recipes (a first start, or a board added): said before any board is available. Such a
    /// start's own work is what its readiness waits for, so a warm-up that only helps a rush of people who are already
    /// signed in (the booking rehearsal) runs once the site is ready rather than beside the recipes.
    /// </summary>
    public bool SettingUpBoards => Volatile.Read(ref _settingUpBoards);

    /// <inheritdoc cref="SettingUpBoards"/>
    public void SetUpBoards() => Volatile.Write(ref _settingUpBoards, true);

    private bool _settingUpBoards;

    /// <summary>
    /// A warm-up under way (the host's <c>WarmingServer</c> request, the events module's booking rehearsal), registered
    /// before it starts: the site is declared ready once every one has finished (<see cref="WarmUpFinishedAsync"/>).
    /// </summary>
    public void TrackWarmUp(Task warmUp)
    {
        Task tracked, combined;
        do
        {
            tracked = Volatile.Read(ref _warmUp);
            combined = tracked.IsCompleted ? warmUp : Task.WhenAll(tracked, warmUp);
        }
        while (Interlocked.CompareExchange(ref _warmUp, combined, tracked) != tracked);
    }

    /// <summary>
    /// Called once the database is prepared: no board will become available after this (a warm-up still waiting for one
    /// gives up), and the warm-ups under way may finish (for at most <paramref name="limit"/>; their failures are their
    /// own) before the site is declared ready: what they read before the last board's recipe committed may have been
    /// cached, and is forgotten only after them. One registered after this returned started after every recipe had committed.
    /// </summary>
    public async Task WarmUpFinishedAsync(TimeSpan limit)
    {
        _firstBoard.TrySetCanceled();
        try
        {
            await Volatile.Read(ref _warmUp).WaitAsync(limit);
        }
        catch (Exception)
        {
            // Only a head start: a failed or slow warm-up holds nobody up.
        }
    }

    /// <summary>
    /// For a background service: waits until the site is ready. False when it never will be (preparing the database failed:
    /// the host is stopping) or the service is stopping; true at once where no readiness is registered (a test's services).
    /// </summary>
    public static async Task<bool> WaitQuietlyAsync(IServiceScopeFactory scopes, CancellationToken stoppingToken)
    {
        SiteReadiness? readiness;
        await using (var scope = scopes.CreateAsyncScope())
        {
            readiness = scope.ServiceProvider.GetService<SiteReadiness>();
        }

        return readiness is null || await readiness.WaitQuietlyAsync(stoppingToken);
    }

    /// <inheritdoc cref="WaitQuietlyAsync(IServiceScopeFactory, CancellationToken)"/>
    public async Task<bool> WaitQuietlyAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WaitAsync(stoppingToken);
            return true;
        }
        catch (Exception) when (!_ready.Task.IsCompletedSuccessfully)
        {
            return false;
        }
    }

    /// <summary>
    /// Blocks until the host's site is ready, for at most <paramref name="limit"/>: for a WebApplicationFactory's
    /// <c>CreateHost</c> in the tests and benchmarks, which use the database directly as soon as they have the host.
    /// </summary>
    public static IHost WhenReady(IHost host, TimeSpan limit)
    {
        host.Services.GetRequiredService<SiteReadiness>().WaitAsync(CancellationToken.None).WaitAsync(limit).GetAwaiter().GetResult();
        return host;
    }

    public void MarkReady()
    {
        _firstBoard.TrySetCanceled();
        _ready.TrySetResult();
    }

    public void MarkFailed(Exception problem)
    {
        _firstBoard.TrySetCanceled();
        _ready.TrySetException(problem);
    }
}

public static class SiteReadinessRegistration
{
    public static IServiceCollection AddSiteReadiness(this IServiceCollection services)
    {
        services.AddSingleton<SiteReadiness>();
        return services;
    }
}
