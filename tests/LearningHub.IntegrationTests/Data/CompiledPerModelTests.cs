using LearningHub.Core;
using LearningHub.Core.Data;
using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Data;

/// <summary>
/// EF Core binds a compiled query to the first model it runs against and refuses any other, so one process serving
/// through both providers (as the test suite does) needs one compilation per model.
/// </summary>
public sealed class CompiledPerModelTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public void Each_model_gets_its_own_compilation_and_keeps_it()
    {
        var compilations = 0;
        var perModel = new CompiledPerModel<object>(() => new { Compilation = ++compilations });
        using var sqlite = ModelOnlyContext.Create(factory, DatabaseProvider.Sqlite, out _);
        using var sqliteAgain = ModelOnlyContext.Create(factory, DatabaseProvider.Sqlite, out _);
        using var postgres = ModelOnlyContext.Create(factory, DatabaseProvider.Postgres, out _);

        var forSqlite = perModel.For(sqlite);
        Assert.Same(forSqlite, perModel.For(sqliteAgain));
        Assert.NotSame(forSqlite, perModel.For(postgres));
        Assert.Same(perModel.For(postgres), perModel.For(postgres));
        Assert.Equal(2, compilations);
    }
}
