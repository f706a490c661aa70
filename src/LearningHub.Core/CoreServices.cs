using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Privacy;
using LearningHub.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LearningHub.Core;

public static class CoreServices
{
    /// <summary>The shared kernel: options, boards, the database and permissions.</summary>
    public static IServiceCollection AddLearningHubCore(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment, string migrationsAssembly)
    {
        services.AddOptions<LearningHubOptions>()
            .Bind(configuration.GetSection(LearningHubOptions.Section))
            .PostConfigure(options => options.DataPath = LearningHubOptions.ResolveDataPath(configuration, environment));

        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<BoardContext>();
        services.AddScoped<BoardDirectory>();

        var database = DatabaseSettings.From(configuration, environment);
        services.AddSingleton(database);
        services.AddDbContext<LearningHubDbContext>(options => database.Configure(options, migrationsAssembly));

        services.AddSingleton<IPermissionProvider, CorePermissions>();
        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<BoardPermissions>();

        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddRetention(configuration);
        services.AddPersonalDataRights();
        return services;
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database to use: SQLite under the data folder unless <c>Database:Provider=Postgres</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"];
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("LearningHub");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:LearningHub is not set.");
            }

            return new DatabaseSettings(DatabaseProvider.Postgres, connectionString);
        }

        if (!string.IsNullOrEmpty(provider) && !string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported: use Sqlite (default) or Postgres.");
        }

        var dataPath = LearningHubOptions.ResolveDataPath(configuration, environment);
        return new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataPath, "learninghub.db")};Pooling=True");
    }

    public void Configure(DbContextOptionsBuilder options, string migrationsAssembly)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(ConnectionString, npgsql => npgsql.MigrationsAssembly(migrationsAssembly));
        }
        else
        {
            options.UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly(migrationsAssembly));
            options.AddInterceptors(SqlitePragmas.Instance);
        }

        options.AddInterceptors(AuditEntryGuard.Instance);

        // Migrations are hand-written and carry no model snapshot (the design-time package cannot be
        // restored here), so EF cannot compare them with the model itself; SchemaMatchesModelTests does.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
