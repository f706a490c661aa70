using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LearningHub.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over a real SQLite file in a fresh data folder, with both boards applied from
/// recipes/ on start and the demo accounts seeded. One per test class.
/// </summary>
public class LearningHubFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Integration-Tests-Password-1";

    public const string PublicBaseUrl = "http://localhost";

    public LearningHubFactory()
        : this(Path.Combine(Path.GetTempPath(), "learninghub-tests", Guid.NewGuid().ToString("N")))
    {
    }

    /// <summary>An app over an existing data folder: a restart of an earlier factory's site.</summary>
    protected LearningHubFactory(string dataPath) => DataPath = dataPath;

    public string DataPath { get; }

    /// <summary>Leave the data folder when disposed, so another factory can start on it (a restart).</summary>
    public bool KeepData { get; set; }

    /// <summary>Extra settings a test class needs (e.g. a low rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("LearningHub:DataPath", DataPath);
        builder.UseSetting("LearningHub:SeedDemoUsers", "true");
        builder.UseSetting("LearningHub:DemoPassword", DemoPassword);
        builder.UseSetting("LearningHub:AccountRequestsPerMinute", "1000");
        // As in production: links in mail come from here, and the site answers only to this host (localhost, the test client's).
        builder.UseSetting("LearningHub:PublicBaseUrl", PublicBaseUrl);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// The host starts before the database is ready (SiteReadiness); tests use the database directly, so the factory
    /// hands the host over only once it is, as the site's own requests wait for it.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder) => SiteReadiness.WhenReady(base.CreateHost(builder), TimeSpan.FromMinutes(3));

    public virtual HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Runs code against the database as the given board (as a request for that board would).</summary>
    public Task<T> WithBoardAsync<T>(string slug, Func<LearningHubDbContext, Task<T>> action) =>
        WithBoardServicesAsync(slug, services => action(services.GetRequiredService<LearningHubDbContext>()));

    /// <summary>Runs code with a request-like scope's services, acting for the given board.</summary>
    public async Task<T> WithBoardServicesAsync<T>(string slug, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var board = await scope.ServiceProvider.GetRequiredService<BoardDirectory>().FindAsync(slug)
                    ?? throw new InvalidOperationException($"No board {slug}");
        scope.ServiceProvider.GetRequiredService<BoardContext>().Use(board);
        return await action(scope.ServiceProvider);
    }

    public string PickupFolder(string board) => Path.Combine(DataPath, "mail-pickup", board);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepData)
        {
            GC.SuppressFinalize(this);
            return;
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        GC.SuppressFinalize(this);
    }
}
