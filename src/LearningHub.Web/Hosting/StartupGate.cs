using System.Diagnostics;
using LearningHub.Core.Hosting;

namespace LearningHub.Web.Hosting;

/// <summary>
/// The host listens while the database is still being prepared (<see cref="SiteReadiness"/>): a first start's
/// migrations and board recipes take a couple of seconds, and meanwhile the pipeline, Kestrel and the first page are made
/// ready on the other core. Until the database is ready this holds each request at the door and lets it through the
/// moment it is, so nobody sees a board that is half set up or an error; a request still waiting after
/// <see cref="DefaultMaxWait"/> gets 503 with Retry-After. Liveness (<c>/health</c>) and readiness (<c>/health/ready</c>, which
/// says "starting") answer at once, and so does the in-process warm-up request (<see cref="WarmingServer"/>).
/// </summary>
public sealed class StartupGateMiddleware(RequestDelegate next, SiteReadiness readiness, ILogger<StartupGateMiddleware> logger,
    TimeSpan? maxWait = null)
{
    public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromSeconds(30);

    public Task InvokeAsync(HttpContext context) =>
        readiness.IsReady || context.Features.Get<WarmUpRequestFeature>() is not null || context.Request.Path.StartsWithSegments(HostSetup.LivenessPath)
            ? next(context)
            : WaitThenServeAsync(context);

    private async Task WaitThenServeAsync(HttpContext context)
    {
        var waited = Stopwatch.StartNew();
        try
        {
            await readiness.WaitAsync(context.RequestAborted).WaitAsync(maxWait ?? DefaultMaxWait, context.RequestAborted);
        }
        catch (Exception problem) when (problem is TimeoutException || !context.RequestAborted.IsCancellationRequested)
        {
            // Still starting after MaxWait, or preparing the database failed (the host is stopping: its log says why).
            logger.LogWarning("{Path} was not served: the site was not ready after {Milliseconds} ms", context.Request.Path, waited.ElapsedMilliseconds);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The site is starting. Try again in a few seconds.", CancellationToken.None);
            return;
        }

        await next(context);
    }
}

/// <summary>Marks the warm-up request <see cref="WarmingServer"/> makes in process; no request from outside can carry it.</summary>
public sealed class WarmUpRequestFeature;
