using LearningHub.Core;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Data;

/// <summary>
/// A DbContext for one provider that never connects: for tests that read the model the app builds. It
/// has services of its own, so the model is built here from the app's contributors, not taken from a cache.
/// </summary>
public static class ModelOnlyContext
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public static LearningHubDbContext Create(LearningHubFactory factory, DatabaseProvider provider, out DatabaseSettings settings)
    {
        settings = provider == DatabaseProvider.Postgres
            ? new DatabaseSettings(provider, "Host=localhost;Database=never_opened")
            : new DatabaseSettings(provider, $"Data Source={Path.Combine(factory.DataPath, "never-opened.db")}");
        var options = new DbContextOptionsBuilder<LearningHubDbContext>().EnableServiceProviderCaching(false);
        settings.Configure(options);
        options.UseApplicationServiceProvider(factory.Services);
        return new LearningHubDbContext(options.Options);
    }
}
