using System.Collections.Concurrent;
using System.Reflection;
using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Hosting;
using LearningHub.Core.Pages;
using LearningHub.Core.Privacy;
using LearningHub.Core.Security;
using LearningHub.Core.Taxonomies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LearningHub.Core;

public static class CoreServices
{
    /// <summary>The shared kernel: options, boards, the database and permissions.</summary>
    public static IServiceCollection AddLearningHubCore(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        services.AddOptions<LearningHubOptions>()
            .Bind(configuration.GetSection(LearningHubOptions.Section))
            .PostConfigure(options => options.DataPath = LearningHubOptions.ResolveDataPath(configuration, environment))
            // Checked when the options are first read (preparing the database, before the site serves anything).
            .Validate(options => options.PublicBaseUri is not null || (environment.IsDevelopment() && string.IsNullOrEmpty(options.PublicBaseUrl)),
                LearningHubOptions.PublicBaseUrlRequired)
            .ValidateOnStart();

        services.AddSiteReadiness();
        services.Configure<UploadLimits>(configuration.GetSection(UploadLimits.Section));
        services.AddMemoryCache();
        services.AddSingleton<SharedReports>();
        services.AddSingleton(new ForegroundWork(rushAt: Environment.ProcessorCount, holdFor: TimeSpan.FromMilliseconds(100)));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<BoardContext>();
        services.AddScoped<BoardLinks>();
        services.AddScoped<BoardDirectory>();
        services.AddScoped<BoardTerms>();

        var database = DatabaseSettings.From(configuration, environment);
        services.AddSingleton(database);
        // Pooled: setting up a context (its options looked up, its internal services and sets) was about a
        // seventh of a signed-in page's CPU. Each rental gets its scope's BoardContext for the board filter.
        services.AddPooledDbContextFactory<LearningHubDbContext>((applicationServices, options) =>
        {
            options.UseApplicationServiceProvider(applicationServices);
            database.Configure(options);
            options.AddInterceptors(applicationServices.GetRequiredService<Pages.PublicPageChanges>());
        });
        services.AddSingleton<Pages.PublicPageCache>();
        services.AddSingleton<Pages.PublicPageChanges>();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<LearningHubOptions>>((cache, options) =>
            Pages.PublicPageCache.AddPolicy(cache, options.Value.PublicPageCacheTime));
        // The scope disposes the context, which returns it to the pool (EF resets its tracked state).
        services.AddScoped(scope =>
        {
            var context = scope.GetRequiredService<IDbContextFactory<LearningHubDbContext>>().CreateDbContext();
            context.BoardScope = scope.GetRequiredService<BoardContext>();
            return context;
        });

        services.AddSingleton<IPermissionProvider, CorePermissions>();
        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<BoardPermissions>();
        services.AddSingleton<Accounts.SessionCheckCache>();

        // The request (when there is one) for the audit log's actor and BoardLinks' site address.
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddScoped<AgencyChanges>();
        services.AddScoped<BoardSettingsChanges>();
        services.AddSingleton<Accounts.IdentityProviderSecrets>();
        services.AddScoped<Accounts.IdentityProviderEditor>();
        services.AddScoped<RetentionSettingsChanges>();
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
    /// <summary>
    /// Whether Migrate first checks that the migrations cover the model (EF Core's PendingModelChangesWarning, an
    /// error). The check builds the model twice more (from the snapshot and for design time) and compares them:
    /// about a third of a second of every start. A published build has already passed
    /// <c>PendingModelChangesTests</c>, which make the same check for both providers, so only Development, where a
    /// model is being changed, runs it at start.
    /// </summary>
    public bool CheckModelAtMigrate { get; init; } = true;

    /// <summary>
    /// Set only while <c>scripts/compiled-model.sh</c> has EF Core's tools write the compiled models
    /// (<c>Database:GeneratingCompiledModel=true</c>): the model is then built without its query filters, which the
    /// generator refuses and <see cref="BoardQueryFilters.AddTo"/> puts back, and no compiled model is used.
    /// </summary>
    public bool GeneratingCompiledModel { get; init; }

    public static DatabaseSettings From(IConfiguration configuration, IHostEnvironment environment) =>
        FromConfiguration(configuration, environment) with
        {
            CheckModelAtMigrate = environment.IsDevelopment(),
            GeneratingCompiledModel = configuration.GetValue<bool>("Database:GeneratingCompiledModel"),
        };

    private static DatabaseSettings FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"];
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("LearningHub");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:LearningHub is not set.");
            }

            return new DatabaseSettings(DatabaseProvider.Postgres, WithAutoPrepare(connectionString, TransactionPooling.IsBehind));
        }

        if (!string.IsNullOrEmpty(provider) && !string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported: use Sqlite (default) or Postgres.");
        }

        var dataPath = LearningHubOptions.ResolveDataPath(configuration, environment);
        return new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataPath, "learninghub.db")};Pooling=True");
    }

    /// <summary>How many statements each PostgreSQL connection keeps prepared unless the connection string says.</summary>
    public const int DefaultMaxAutoPrepare = 50;

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on (<c>Max Auto Prepare</c>, <see cref="DefaultMaxAutoPrepare"/>)
    /// unless it sets that itself or leads to a pooler in transaction mode (<paramref name="behindTransactionPooler"/>,
    /// <see cref="TransactionPooling"/>), where prepared statements break. PostgreSQL otherwise parses and plans every
    /// statement afresh: of a person's data export's time in the database, more than half was planning, and with
    /// preparation the database's CPU per export halved (bench/README.md, "Session 19"). Npgsql prepares a statement once
    /// a connection has run it five times and keeps it across the connection's reuse from the pool, so EF Core's queries
    /// are planned about once per connection, as PgJDBC does by default. docs/pgbouncer.md says to write
    /// <c>Max Auto Prepare=0</c> behind PgBouncer before 1.21 all the same.
    /// </summary>
    public static string WithAutoPrepare(string connectionString, Func<string, bool> behindTransactionPooler)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var setsItself = given.Keys.Cast<string>().Any(key =>
            string.Equals(key.Replace(" ", "", StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
        return setsItself || behindTransactionPooler(connectionString)
            ? connectionString
            : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare }.ConnectionString;
    }

    /// <summary>
    /// The assembly holding this provider's migrations and model snapshot. Each provider has its own set
    /// (column types differ), as EF Core's guidance for several providers recommends; both start from the
    /// same hand-written history, so a database made before the split upgrades in place.
    /// </summary>
    public string MigrationsAssembly => Provider == DatabaseProvider.Postgres
        ? "LearningHub.Migrations.Postgres"
        : "LearningHub.Migrations.Sqlite";

    /// <summary>
    /// The provider's compiled model, generated beside its migrations (<c>scripts/compiled-model.sh</c>) and found
    /// as EF Core finds one, by the <see cref="DbContextModelAttribute"/> the generator puts on that assembly. Building
    /// the model from the modules took about half a second of every start (bench/README.md, "Session 15").
    /// </summary>
    public IModel? CompiledModel => GeneratingCompiledModel ? null : CompiledModels.GetOrAdd(MigrationsAssembly, FindCompiledModel);

    private static readonly ConcurrentDictionary<string, IModel?> CompiledModels = new();

    private static IModel? FindCompiledModel(string assemblyName) =>
        Assembly.Load(assemblyName).GetCustomAttributes<DbContextModelAttribute>()
            .Where(attribute => attribute.ContextType == typeof(LearningHubDbContext))
            .Select(attribute => (IModel?)attribute.ModelType.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .SingleOrDefault();

    public void Configure(DbContextOptionsBuilder options)
    {
        if (CompiledModel is { } model)
        {
            options.UseModel(model);
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(ConnectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));
        }
        else
        {
            // A list's Contains as one JSON parameter (json_each), not EF Core 10's default of one parameter per item:
            // that default makes the SQL depend on the list's length, so EF Core writes it again at every execution
            // (RelationalCommandCache does not cache it) and SQLite prepares new text each time; it was most of a
            // signed-in module page's query time (bench/README.md, "Session 16"). Npgsql keeps one array parameter
            // (= ANY) by default, which is cached.
            options.UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
            options.AddInterceptors(SqlitePragmas.Instance);
        }

        options.AddInterceptors(AuditEntryGuard.Instance);
        if (!CheckModelAtMigrate)
        {
            // Ignored, EF Core skips the comparison altogether (Migrator.Migrate checks the behaviour first).
            options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
        }

        // Otherwise PendingModelChangesWarning stays an error: Migrate refuses to run when the model has changes
        // that no migration covers (the snapshot differs from the model).
    }
}
