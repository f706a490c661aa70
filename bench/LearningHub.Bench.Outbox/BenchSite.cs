using System.Diagnostics;
using LearningHub.Core.Boards;
using LearningHub.Core.Hosting;
using LearningHub.Notifications.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LearningHub.Bench.Outbox;

/// <summary>
/// The real app (Program of LearningHub.Web: its DI, DbContext, MailQueue, OutboxDispatcher) hosted in
/// this process over a data folder, as the integration tests host it, in the Production environment
/// (no demo accounts). Settings are applied as configuration, the way an operator would.
/// </summary>
internal sealed class BenchSite(string dataPath, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <summary>When the dispatcher's host started it (taken just before its StartAsync); null until then.</summary>
    public DispatchStartMarker Marker { get; } = new();

    /// <summary>The host listens before the database is ready; the benchmark uses it directly, so it waits (SiteReadiness).</summary>
    protected override IHost CreateHost(IHostBuilder builder) => SiteReadiness.WhenReady(base.CreateHost(builder), TimeSpan.FromMinutes(5));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("LearningHub:DataPath", dataPath);
        builder.UseSetting("LearningHub:SeedDemoUsers", "false");
        builder.UseSetting("LearningHub:PublicBaseUrl", "http://localhost"); // required in Production
        // Quieter console: the host's start/stop lines, and the static-files warning (the web project has no wwwroot of its own; the themes serve the assets).
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.StaticFiles", "Error");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // Hosted services start in registration order; put a marker just before the dispatcher so the
            // dispatch clock starts when the dispatcher does (after migrations, before Kestrel/TestServer).
            var index = services.ToList().FindIndex(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxDispatcher));
            if (index < 0)
            {
                throw new InvalidOperationException("OutboxDispatcher is not registered as a hosted service.");
            }

            services.Insert(index, ServiceDescriptor.Singleton<IHostedService>(Marker));
        });
    }

    /// <summary>Runs code with a request-like scope acting for the given board.</summary>
    public async Task<T> WithBoardAsync<T>(string slug, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var board = await scope.ServiceProvider.GetRequiredService<BoardDirectory>().FindAsync(slug)
                    ?? throw new InvalidOperationException($"No board {slug}");
        scope.ServiceProvider.GetRequiredService<BoardContext>().Use(board);
        return await action(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

/// <summary>A hosted service that only notes when it was started.</summary>
internal sealed class DispatchStartMarker : IHostedService
{
    public long? StartedTimestamp { get; private set; }

    public DateTime? StartedUtc { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        StartedTimestamp = Stopwatch.GetTimestamp();
        StartedUtc = DateTime.UtcNow;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
