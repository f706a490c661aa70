using LearningHub.Core;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Data;

/// <summary>
/// Every time column of every module reads back as UTC through the DbContext's one convention, so no
/// module needs a converter of its own and a new entity cannot forget it.
/// </summary>
public sealed class UtcConventionTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Theory]
    [MemberData(nameof(ModelOnlyContext.Providers), MemberType = typeof(ModelOnlyContext))]
    public void Every_DateTime_property_reads_back_as_UTC(DatabaseProvider provider)
    {
        using var db = ModelOnlyContext.Create(factory, provider, out _);

        var times = db.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
            .Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?))
            .ToList();

        Assert.Contains(times, p => p.DeclaringType.ClrType.Namespace == "LearningHub.Events.Domain");
        Assert.Contains(times, p => p.DeclaringType.ClrType.Namespace == "LearningHub.Cases.Domain");
        Assert.All(times, p => Assert.IsType<UtcDateTimeConverter>(p.GetValueConverter()));
    }

    [Fact]
    public async Task A_time_read_from_SQLite_is_UTC()
    {
        var created = await factory.WithBoardAsync("norfolk", db => db.Boards.AsNoTracking().Select(b => b.CreatedUtc).FirstAsync());

        Assert.Equal(DateTimeKind.Utc, created.Kind);
    }
}
