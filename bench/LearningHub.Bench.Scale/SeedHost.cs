using LearningHub.Core.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace LearningHub.Bench.Scale;

/// <summary>
/// The real app (LearningHub.Web's Program, Production) over the PostgreSQL database to seed, never serving a request:
/// its start-up migrates the database with the app's own EF Core model and makes the roles
/// (<c>DatabasePreparation</c>), and its services apply the boards' recipes and hash the one password. The background
/// jobs are off, so nothing sends the seeded queued mail or expires the seeded waiting lists while the seeder runs, and
/// the recipes folder is an empty one, so start-up applies no board of its own (the database holds the seeded boards only).
/// </summary>
internal sealed class SeedHost : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"learninghub-seed-scale-{Guid.NewGuid():N}");

    public SeedHost(string connectionString)
    {
        _connectionString = connectionString;
        Directory.CreateDirectory(Path.Combine(_folder, "recipes"));
    }

    /// <summary>The host listens before the database is ready; the benchmark uses it directly, so it waits (SiteReadiness).</summary>
    protected override IHost CreateHost(IHostBuilder builder) => SiteReadiness.WhenReady(base.CreateHost(builder), TimeSpan.FromMinutes(5));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:LearningHub"] = _connectionString,
            ["LearningHub:DataPath"] = _folder,
            ["LearningHub:RecipesPath"] = Path.Combine(_folder, "recipes"),
            ["LearningHub:SeedDemoUsers"] = "false",
            ["LearningHub:PublicBaseUrl"] = "http://localhost",
            ["Notifications:DispatcherEnabled"] = "false",
            ["Events:WaitlistJobEnabled"] = "false",
            ["Retention:JobEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // EF Core logs the missing history table of a new database as a failed command before it creates it; a real
            // failure still ends the seed with its exception.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Critical",
            // The key ring is the app's, made on first start; the seeder never protects anything with it.
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
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
            // A temp folder left behind is not worth failing the seed.
        }
    }
}
