using LearningHub.Media.Imaging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningHub.Media.Services;

/// <summary>
/// <c>/health</c> and <c>/health/ready</c> entry "images": Healthy with the libvips version NetVips
/// reports and whether it is the bundled copy, or Degraded (the site works, uploads are refused) with
/// what is missing. Degraded still answers 200 on <c>/health</c> (liveness), so the process is not restarted
/// for it; <c>/health/ready</c> answers 503, so a load balancer prefers a node that can take uploads.
/// </summary>
public sealed class MediaHealthCheck(ImageProcessor processor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(processor.Available
            ? HealthCheckResult.Healthy(Describe(processor.Status))
            : HealthCheckResult.Degraded($"Image uploads are refused: {processor.Status.Problem}"));

    /// <summary>The file's folder is left out: <c>/health</c> is public and need not show the server's paths.</summary>
    internal static string Describe(VipsStatus status) =>
        $"libvips {status.Version} " + (status.Bundled
            ? "bundled (NetVips.Native.linux-x64)"
            : status.LoadedFrom is null ? "(file not known)" : "from the system, not the bundled copy");
}

/// <summary>Says in the log at start whether images can be processed, so a missing libvips is found before anyone uploads.</summary>
public sealed class MediaStartupReport(ImageProcessor processor, ILogger<MediaStartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (processor.Available)
        {
            logger.LogInformation("Images: libvips {Version} loaded from {File}", processor.Status.Version, processor.Status.LoadedFrom);
        }
        else
        {
            logger.LogError("Images: {Problem} The site runs, but image uploads are refused until it is installed.", processor.Status.Problem);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
