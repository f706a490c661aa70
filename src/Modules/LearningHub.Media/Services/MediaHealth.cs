using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningHub.Media.Services;

/// <summary>
/// <c>/health</c> entry "images": Healthy with the libvips version, or Degraded (the site works, uploads
/// are refused) with what to install. Degraded still answers 200, so a load balancer keeps the node.
/// </summary>
public sealed class MediaHealthCheck(ImageProcessor processor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(processor.Available
            ? HealthCheckResult.Healthy($"libvips {processor.Status.Version}")
            : HealthCheckResult.Degraded($"Image uploads are refused: {processor.Status.Problem}"));
}

/// <summary>Says in the log at start whether images can be processed, so a missing libvips is found before anyone uploads.</summary>
public sealed class MediaStartupReport(ImageProcessor processor, ILogger<MediaStartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (processor.Available)
        {
            logger.LogInformation("Images: libvips {Version} loaded", processor.Status.Version);
        }
        else
        {
            logger.LogError("Images: {Problem} The site runs, but image uploads are refused until it is installed.", processor.Status.Problem);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
