using LearningHub.Core.Boards;
using LearningHub.Core.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace LearningHub.Bench;

/// <summary>
/// The real app (LearningHub.Web's Program) in Production, over a data folder of its own and, for
/// <c>postgres</c>, a throwaway database on the server named by <c>LEARNINGHUB_TEST_POSTGRES</c>; both are
/// removed on dispose. Any other provider name runs on SQLite. Shared by the benchmarks that host the app
/// with plain settings (linked into each project: benchmarks are not in the solution).
/// </summary>
internal sealed class BenchSite : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _dataPath;
    private readonly string? _database;

    public BenchSite(string name, string provider, IReadOnlyDictionary<string, string?> settings, int? maxPoolSize = null)
    {
        // WebApplicationFactory finds the web project's content root through MvcTestingAppManifest.json
        // in the current directory, which the build puts beside the benchmark.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        _dataPath = Path.Combine(Path.GetTempPath(), $"learninghub-bench-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dataPath);
        _settings = new Dictionary<string, string?>(settings)
        {
            ["LearningHub:DataPath"] = _dataPath,
            ["LearningHub:SeedDemoUsers"] = "false",
            // Required in Production; its host (with localhost) is also the host filter's, and the benches reach Kestrel at 127.0.0.1.
            ["LearningHub:PublicBaseUrl"] = "http://127.0.0.1",
        };
        if (provider == "postgres")
        {
            var server = ServerConnectionString ?? throw new InvalidOperationException("Set LEARNINGHUB_TEST_POSTGRES");
            _database = $"lh_bench_{Guid.NewGuid():N}"[..20];
            _settings["Database:Provider"] = "Postgres";
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = _database };
            if (maxPoolSize is { } pool)
            {
                connection.MaxPoolSize = pool;
            }

            _settings["ConnectionStrings:LearningHub"] = connection.ConnectionString;
        }
    }

    private static string? ServerConnectionString => Environment.GetEnvironmentVariable("LEARNINGHUB_TEST_POSTGRES");

    /// <summary>The host listens before the database is ready; the benchmark uses it directly, so it waits (SiteReadiness).</summary>
    protected override IHost CreateHost(IHostBuilder builder) => SiteReadiness.WhenReady(base.CreateHost(builder), TimeSpan.FromMinutes(5));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Theme assets (/_content/...) come from the build output's static web assets, as in Development.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Runs code with a request-like scope acting for the given board.</summary>
    public async Task<T> WithBoardAsync<T>(string slug, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var board = await scope.ServiceProvider.GetRequiredService<BoardDirectory>().FindAsync(slug) ?? throw new InvalidOperationException(slug);
        scope.ServiceProvider.GetRequiredService<BoardContext>().Use(board);
        return await action(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(ServerConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: a temp folder left behind is not worth failing the run.
        }
    }
}
