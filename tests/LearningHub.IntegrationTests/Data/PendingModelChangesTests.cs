using LearningHub.Core;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Data;

/// <summary>
/// Each provider's model snapshot must describe the model the app builds: a property added to an entity
/// without <c>bash scripts/add-migration.sh</c> fails here (and Migrate would refuse to run). Nothing
/// connects to a database, so the PostgreSQL case runs everywhere.
/// </summary>
public sealed class PendingModelChangesTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_model_change_is_covered_by_a_migration(DatabaseProvider provider)
    {
        var settings = provider == DatabaseProvider.Postgres
            ? new DatabaseSettings(provider, "Host=localhost;Database=never_opened")
            : new DatabaseSettings(provider, $"Data Source={Path.Combine(factory.DataPath, "never-opened.db")}");
        // Services of its own: the model is built here, from the app's contributors, not taken from a cache.
        var options = new DbContextOptionsBuilder<LearningHubDbContext>().EnableServiceProviderCaching(false);
        settings.Configure(options);
        using var db = new LearningHubDbContext(options.Options, new BoardContext(), factory.Services.GetServices<IModelContributor>());

        Assert.True(db.Database.GetMigrations().Any(), $"No migrations found in {settings.MigrationsAssembly}");
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration covers: run bash scripts/add-migration.sh <Name>.");
    }
}
