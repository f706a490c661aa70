using LearningHub.Core.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningHub.Notifications.Services;

/// <summary>
/// Sends queued mail in the background, so no page waits on a mail server. Everything it needs is in
/// the database, so a restart carries on where it stopped.
/// </summary>
public sealed class OutboxDispatcher(
    OutboxProcessor processor,
    OutboxSignal signal,
    SiteReadiness readiness,
    IOptions<NotificationsOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled)
        {
            logger.LogInformation("Mail dispatcher is off on this instance (Notifications:DispatcherEnabled=false)");
            return;
        }

        // The host listens before the database is ready (migrations and recipes at a first start).
        if (!await readiness.WaitQuietlyAsync(stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await processor.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unavailable; claims expire, so nothing is stuck.
                logger.LogError(ex, "Mail dispatcher pass failed; trying again at the next poll");
            }

            if (handled == 0)
            {
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
