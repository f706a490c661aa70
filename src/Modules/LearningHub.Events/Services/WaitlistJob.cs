using LearningHub.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningHub.Events.Services;

/// <summary>Runs <see cref="WaitlistProcessor"/> every <see cref="EventsOptions.WaitlistPollInterval"/>.</summary>
public sealed class WaitlistJob(IServiceScopeFactory scopes, IOptions<EventsOptions> options, TimeProvider clock, ILogger<WaitlistJob> logger)
    : TimedWorker(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.WaitlistJobEnabled;

    protected override TimeSpan Interval => options.Value.WaitlistPollInterval;

    protected override string PassName => "Waiting-list pass";

    protected override Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<WaitlistProcessor>().RunOnceAsync(cancellationToken);
}
