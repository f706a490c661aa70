using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over a real SQLite file in a fresh data folder, with both boards applied from
/// recipes/ on start and the demo accounts seeded. One per test class.
/// </summary>
public class LearningHubFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Integration-Tests-Password-1";

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "learninghub-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Extra settings a test class needs (e.g. a low rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("LearningHub:DataPath", DataPath);
        builder.UseSetting("LearningHub:SeedDemoUsers", "true");
        builder.UseSetting("LearningHub:DemoPassword", DemoPassword);
        builder.UseSetting("LearningHub:AccountRequestsPerMinute", "1000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Runs code against the database as the given board (as a request for that board would).</summary>
    public async Task<T> WithBoardAsync<T>(string slug, Func<LearningHubDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var board = await scope.ServiceProvider.GetRequiredService<BoardDirectory>().FindAsync(slug)
                    ?? throw new InvalidOperationException($"No board {slug}");
        scope.ServiceProvider.GetRequiredService<BoardContext>().Use(board);
        return await action(scope.ServiceProvider.GetRequiredService<LearningHubDbContext>());
    }

    public string PickupFolder(string board) => Path.Combine(DataPath, "mail-pickup", board);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
