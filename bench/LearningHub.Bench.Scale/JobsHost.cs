using LearningHub.Core.Boards;
using LearningHub.Core.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LearningHub.Bench.Scale;

/// <summary>
/// The real app (LearningHub.Web's Program, Production) over a seeded PostgreSQL database, for <see cref="JobsCommand"/>:
/// the waiting-list and daily retention jobs off (the benchmark runs retention itself, for one board), the outbox dispatcher
/// on only when asked, and an empty recipes folder, so start-up changes nothing in the seeded boards.
/// </summary>
internal sealed class JobsHost(string connectionString, bool dispatcher) : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"learninghub-scale-jobs-{Guid.NewGuid():N}");

    /// <summary>The host listens before the database is ready; the benchmark uses it directly, so it waits (SiteReadiness).</summary>
    protected override IHost CreateHost(IHostBuilder builder) => SiteReadiness.WhenReady(base.CreateHost(builder), TimeSpan.FromMinutes(5));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.Combine(_folder, "recipes"));
        builder.UseEnvironment("Production");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:LearningHub"] = connectionString,
            ["LearningHub:DataPath"] = _folder,
            ["LearningHub:RecipesPath"] = Path.Combine(_folder, "recipes"),
            ["LearningHub:SeedDemoUsers"] = "false",
            ["LearningHub:PublicBaseUrl"] = "http://localhost",
            ["Notifications:DispatcherEnabled"] = dispatcher ? "true" : "false",
            ["Events:WaitlistJobEnabled"] = "false",
            ["Retention:JobEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Runs code in a request-like scope acting for the board.</summary>
    public async Task<T> WithBoardAsync<T>(BoardInfo board, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BoardContext>().Use(board);
        return await action(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing the run.
        }
    }
}
