using LearningHub.Core;
using LearningHub.Core.Hosting;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LearningHub.Tests.Hosting;

/// <summary>
/// Once the server has started and a board's content is complete, the app's own pipeline serves that board's home page
/// once, in process, as a visitor at the public address would ask for it, marked so the start-up gate lets it by.
/// </summary>
public sealed class WarmingServerTests
{
    [Fact]
    public async Task The_first_complete_board_s_home_page_is_served_in_process_before_the_site_is_ready()
    {
        var readiness = new SiteReadiness();
        var inner = new RecordingServer();
        var application = new RecordingApplication();
        using var server = Server(inner, readiness, "https://learning.example.org");

        await server.StartAsync(application, CancellationToken.None);
        Assert.True(inner.Started);
        Assert.Empty(application.Requests);

        readiness.BoardAvailable("essex");
        var request = await application.First.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("GET", request.Method);
        Assert.Equal("/essex", request.Path);
        Assert.Equal("https", request.Scheme);
        Assert.Equal("learning.example.org", request.Headers.Host.ToString());
        Assert.NotNull(request.HttpContext.Features.Get<WarmUpRequestFeature>());
        Assert.True(application.Disposed.Task.IsCompleted || await application.Disposed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(readiness.IsReady);
    }

    [Fact]
    public async Task The_site_is_declared_ready_only_once_the_warm_up_request_has_finished()
    {
        var readiness = new SiteReadiness();
        var application = new RecordingApplication();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        application.Holding = release.Task;
        using var server = Server(new RecordingServer(), readiness, "https://learning.example.org");
        await server.StartAsync(application, CancellationToken.None);

        readiness.BoardAvailable("essex");
        await application.First.WaitAsync(TimeSpan.FromSeconds(10));
        var finished = readiness.WarmUpFinishedAsync(TimeSpan.FromSeconds(30));

        // Still waiting while the request is (polled with a deadline).
        var watched = System.Diagnostics.Stopwatch.StartNew();
        while (watched.Elapsed < TimeSpan.FromMilliseconds(200))
        {
            Assert.False(finished.IsCompleted);
            await Task.Yield();
        }

        release.SetResult();
        await finished.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Nothing_is_served_when_the_site_is_already_ready_at_start()
    {
        var readiness = new SiteReadiness();
        readiness.MarkReady();
        var application = new RecordingApplication();
        using var server = Server(new RecordingServer(), readiness, "https://learning.example.org");

        await server.StartAsync(application, CancellationToken.None);
        readiness.BoardAvailable("essex");

        // Polled for a moment with a deadline: no request may arrive later either.
        var watched = System.Diagnostics.Stopwatch.StartNew();
        while (watched.Elapsed < TimeSpan.FromMilliseconds(200))
        {
            Assert.Empty(application.Requests);
            await Task.Yield();
        }
    }

    [Fact]
    public void It_wraps_the_server_the_host_registered()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IServer, RecordingServer>();
        services.AddSingleton(new SiteReadiness());
        services.AddSingleton(Options.Create(new LearningHubOptions()));
        services.AddSingleton<IHostApplicationLifetime, StubLifetime>();
        services.AddLogging();

        WarmingServer.Register(services);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<WarmingServer>(provider.GetRequiredService<IServer>());
        Assert.Single(services, d => d.ServiceType == typeof(IServer));
    }

    private static WarmingServer Server(IServer inner, SiteReadiness readiness, string publicBaseUrl) =>
        new(inner, readiness, Options.Create(new LearningHubOptions { PublicBaseUrl = publicBaseUrl }), new StubLifetime(),
            NullLogger<WarmingServer>.Instance);

    private sealed class RecordingServer : IServer
    {
        public bool Started { get; private set; }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull
        {
            Started = true;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }

    private sealed class RecordingApplication : IHttpApplication<HttpContext>
    {
        private readonly TaskCompletionSource<HttpRequest> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<HttpRequest> Requests { get; } = [];

        public Task<HttpRequest> First => _first.Task;

        public TaskCompletionSource<bool> Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>What each request waits for before it ends (a slow page).</summary>
        public Task Holding { get; set; } = Task.CompletedTask;

        public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

        public Task ProcessRequestAsync(HttpContext context)
        {
            lock (Requests)
            {
                Requests.Add(context.Request);
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            _first.TrySetResult(context.Request);
            return Holding;
        }

        public void DisposeContext(HttpContext context, Exception? exception) => Disposed.TrySetResult(exception is null);
    }

    private sealed class StubLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
