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
    [Theory]
    [MemberData(nameof(ModelOnlyContext.Providers), MemberType = typeof(ModelOnlyContext))]
    public void Every_model_change_is_covered_by_a_migration(DatabaseProvider provider)
    {
        using var db = ModelOnlyContext.Create(factory, provider, out var settings);

        Assert.True(db.Database.GetMigrations().Any(), $"No migrations found in {settings.MigrationsAssembly}");
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration covers: run bash scripts/add-migration.sh <Name>.");
    }
}
