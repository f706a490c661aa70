using System.Collections.Concurrent;
using System.Diagnostics;
using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Bench.Impact;

/// <summary>
/// The shared <see cref="BenchSite"/> (Production, its own data folder or throwaway PostgreSQL database) with one thing
/// added: <see cref="ServerTimes"/>, the server time of each request from the first middleware in, so a figure is the
/// app's work on the request (routing, sign-in cookie, permissions, the page's queries and rendering), not the client's.
/// </summary>
internal sealed class BenchApp : IAsyncDisposable
{
    private readonly BenchSite _site;

    public BenchApp(string provider, IReadOnlyDictionary<string, string?> settings)
    {
        _site = new BenchSite("impact", provider, settings);
        Factory = _site.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<ServerTimes>().AddTransient<IStartupFilter, ServerTiming>()));
    }

    public WebApplicationFactory<Program> Factory { get; }

    public ServerTimes Times => Factory.Services.GetRequiredService<ServerTimes>();

    /// <summary>Runs code with a request-like scope acting for the given board.</summary>
    public async Task<T> WithBoardAsync<T>(string slug, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var board = await scope.ServiceProvider.GetRequiredService<BoardDirectory>().FindAsync(slug) ?? throw new InvalidOperationException(slug);
        scope.ServiceProvider.GetRequiredService<BoardContext>().Use(board);
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        // Drops the database and the data folder.
        await _site.DisposeAsync();
    }
}

/// <summary>Server milliseconds of each request that carried an <see cref="Header"/>, by its value.</summary>
internal sealed class ServerTimes
{
    public const string Header = "X-Bench-Request";

    public ConcurrentDictionary<string, double> Milliseconds { get; } = new();
}

/// <summary>Times every request from before the app's first middleware until its response is written.</summary>
internal sealed class ServerTiming(ServerTimes times) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (HttpContext context, RequestDelegate inner) =>
        {
            var started = Stopwatch.GetTimestamp();
            await inner(context);
            if (context.Request.Headers[ServerTimes.Header] is [{ } id])
            {
                times.Milliseconds[id] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        });
        next(app);
    };
}
