using System.Diagnostics;
using System.Net;
using LearningHub.Core;
using LearningHub.Core.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace LearningHub.Web.Hosting;

/// <summary>
/// The server (Kestrel) with one addition: once it has started and the first board's content is complete, the app's own
/// pipeline serves that board's home page once, in process, while the other boards' recipes are still being applied.
/// The first request of a fresh process pays for building the route table, the link generator's tables, the Razor page
/// and layout, their queries' translation and the JIT of all of that: a third of a second of one core, measured
/// (bench/README.md, "Session 23"). Done here it overlaps the database preparation on the spare core instead of
/// delaying the first visitor. The request goes through the same middleware as any other (the start-up gate lets it
/// by, <see cref="WarmUpRequestFeature"/>); nothing is sent anywhere and its response is thrown away. The site is
/// declared ready only once it has finished, and what it may have cached before the last recipe committed (the board
/// list, the signed-out pages) is then forgotten. A failure only costs the head start.
/// </summary>
public sealed class WarmingServer(
    IServer inner,
    SiteReadiness readiness,
    IOptions<LearningHubOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<WarmingServer> logger) : IServer
{
    public IFeatureCollection Features => inner.Features;

    public async Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        await inner.StartAsync(application, cancellationToken);
        if (!readiness.IsReady)
        {
            // Registered as the server starts, before the host has (SiteReadiness.WarmUpFinishedAsync waits for that).
            var served = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            readiness.TrackWarmUp(served.Task);
            _ = Task.Run(() => WarmAsync(application, served, lifetime.ApplicationStopping), CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

    public void Dispose() => inner.Dispose();

    private async Task WarmAsync<TContext>(IHttpApplication<TContext> application, TaskCompletionSource served, CancellationToken stopping)
        where TContext : notnull
    {
        try
        {
            string board;
            try
            {
                board = await readiness.FirstBoardAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return; // The database was prepared without any board, or stopping: nothing to warm ahead of.
            }

            await ServeAsync(application, board, stopping);
        }
        finally
        {
            served.TrySetResult();
        }
    }

    private async Task ServeAsync<TContext>(IHttpApplication<TContext> application, string board, CancellationToken stopping)
        where TContext : notnull
    {
        var timer = Stopwatch.StartNew();
        var features = WarmUpRequest(options.Value.PublicBaseUri, "/" + board, stopping);
        Exception? failure = null;
        try
        {
            var context = application.CreateContext(features);
            try
            {
                await application.ProcessRequestAsync(context);
            }
            catch (Exception problem)
            {
                failure = problem;
            }
            finally
            {
                application.DisposeContext(context, failure);
            }
        }
        catch (Exception problem)
        {
            failure ??= problem;
        }

        var status = features.GetRequiredFeature<IHttpResponseFeature>().StatusCode;
        if (failure is null && status < 500)
        {
            logger.LogInformation("Pages warmed with /{Board} ({Status}) in {Milliseconds} ms", board, status, timer.ElapsedMilliseconds);
        }
        else if (!stopping.IsCancellationRequested)
        {
            logger.LogWarning(failure, "Warming the pages with /{Board} failed ({Status})", board, status);
        }
    }

    /// <summary>A GET of <paramref name="path"/> as a visitor's browser would send it to the site's public address.</summary>
    internal static FeatureCollection WarmUpRequest(Uri? publicAddress, string path, CancellationToken aborted)
    {
        var request = new HttpRequestFeature
        {
            Protocol = "HTTP/1.1",
            Method = HttpMethods.Get,
            Scheme = publicAddress?.Scheme ?? Uri.UriSchemeHttp,
            Path = path,
        };
        request.Headers.Host = publicAddress?.Authority ?? "localhost";
        request.Headers.Accept = "text/html";

        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = aborted });
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            ConnectionId = "warm-up",
            LocalIpAddress = IPAddress.Loopback,
            RemoteIpAddress = IPAddress.Loopback,
        });
        features.Set(new WarmUpRequestFeature());
        return features;
    }

    /// <summary>
    /// Wraps the server the web host registered (Kestrel). A test's WebApplicationFactory puts its TestServer in after
    /// this runs, so the tests' in-memory server is left as it is.
    /// </summary>
    public static void Register(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IServer));
        if (registered is null || registered.IsKeyedService)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IServer>(provider => ActivatorUtilities.CreateInstance<WarmingServer>(provider, Inner(provider, registered)));
    }

    private static IServer Inner(IServiceProvider provider, ServiceDescriptor registered) =>
        (IServer)(registered.ImplementationInstance
                  ?? registered.ImplementationFactory?.Invoke(provider)
                  ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
}
