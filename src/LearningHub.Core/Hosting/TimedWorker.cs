using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningHub.Core.Hosting;

/// <summary>
/// A background job that runs a pass once the site is ready (<see cref="SiteReadiness"/>) and then every <see cref="Interval"/>. Each pass gets its
/// own service scope; a pass that fails is logged and the next one tries again, since the jobs keep their
/// state in the database; shutdown ends the loop. The timer runs on the injected <see cref="TimeProvider"/>.
/// </summary>
public abstract class TimedWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>False on an instance that must not run the job (and in tests that run passes themselves).</summary>
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>What the log calls a pass, e.g. "Retention pass".</summary>
    protected abstract string PassName { get; }

    protected abstract Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        // The host listens before the database is ready (migrations and recipes at a first start).
        if (!await SiteReadiness.WaitQuietlyAsync(scopes, stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunPassAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Pass} failed; trying again at the next one", PassName);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
