using LearningHub.Core;
using LearningHub.Core.Data;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Data;

/// <summary>
/// The site runs on each provider's compiled model (<c>scripts/compiled-model.sh</c>), so the compiled model must be
/// the model the modules build: an entity, property, index or filter changed without writing it again fails here.
/// Nothing connects to a database, so the PostgreSQL case runs everywhere.
/// </summary>
public sealed class CompiledModelMatchesModelTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Theory]
    [MemberData(nameof(ModelOnlyContext.Providers), MemberType = typeof(ModelOnlyContext))]
    public void The_compiled_model_is_the_model_the_modules_build(DatabaseProvider provider)
    {
        using var db = ModelOnlyContext.Create(factory, provider, out var settings);
        var compiled = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Model;
        Assert.NotNull(compiled);
        Assert.Equal($"{settings.MigrationsAssembly}.CompiledModel", compiled.GetType().Namespace);

        // Built from OnModelCreating, as the migrations see it; db.Model is the compiled one, initialised for use.
        var built = db.GetService<IDesignTimeModel>().Model;
        var running = db.Model;
        // Entity types, properties, keys, navigations, indexes; then tables, columns and their store types.
        AssertSame(provider, built.ToDebugString(MetadataDebugStringOptions.ShortDefault), running.ToDebugString(MetadataDebugStringOptions.ShortDefault));
        AssertSame(provider, built.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.ShortDefault),
            running.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.ShortDefault));
    }

    [Fact]
    public async Task The_site_runs_on_the_compiled_model()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningHubDbContext>();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();

        Assert.NotNull(settings.CompiledModel);
        Assert.Same(settings.CompiledModel, db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Model);
    }

    /// <summary>
    /// The script writes the model with EF Core's <c>--nativeaot</c> output: every property's getter, setter and snapshot
    /// code is in the compiled model as C#, precompiled by the publish, where EF Core would otherwise build and JIT-compile
    /// an expression tree for each the first time it reads, tracks or saves an entity (a quarter of a first start,
    /// bench/README.md "Session 21"). The generated <c>…UnsafeAccessors</c> classes reach the private backing fields:
    /// one for each class that declares one.
    /// </summary>
    [Theory]
    [MemberData(nameof(ModelOnlyContext.Providers), MemberType = typeof(ModelOnlyContext))]
    public void The_compiled_model_carries_its_properties_accessors_as_code(DatabaseProvider provider)
    {
        using var db = ModelOnlyContext.Create(factory, provider, out var settings);
        var generated = db.Model.GetType().Assembly.GetTypes()
            .Where(t => t.Namespace == $"{settings.MigrationsAssembly}.CompiledModel").Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var declaringFields = db.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties())
            .Where(p => p.FieldInfo is { IsPublic: false }).Select(p => p.FieldInfo!.DeclaringType!).Distinct().ToList();

        Assert.True(declaringFields.Count > 40, $"only {declaringFields.Count} classes with backing fields");
        var missing = declaringFields.Select(AccessorsName).Where(name => !generated.Contains(name)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0,
            $"The {provider} compiled model was written without its accessors (run bash scripts/compiled-model.sh, which passes --nativeaot): no {string.Join(", ", missing)}");
    }

    /// <summary>EF Core's name for the accessors of a class: IdentityUser&lt;TKey&gt;'s are IdentityUserUnsafeAccessors&lt;TKey&gt;.</summary>
    private static string AccessorsName(Type declaring) => declaring.IsGenericType
        ? $"{declaring.Name[..declaring.Name.IndexOf('`', StringComparison.Ordinal)]}UnsafeAccessors`{declaring.GetGenericArguments().Length}"
        : $"{declaring.Name}UnsafeAccessors";

    private static void AssertSame(DatabaseProvider provider, string built, string compiled)
    {
        var builtLines = built.ReplaceLineEndings("\n").Split('\n');
        var compiledLines = compiled.ReplaceLineEndings("\n").Split('\n');
        var differs = Enumerable.Range(0, Math.Max(builtLines.Length, compiledLines.Length))
            .FirstOrDefault(i => builtLines.ElementAtOrDefault(i) != compiledLines.ElementAtOrDefault(i), -1);
        Assert.True(differs < 0,
            $"The {provider} compiled model is out of date (run bash scripts/compiled-model.sh). First difference, line {differs + 1}:\n" +
            $"  model: {builtLines.ElementAtOrDefault(differs)?.Trim()}\n  compiled: {compiledLines.ElementAtOrDefault(differs)?.Trim()}");
    }

    [Theory]
    [MemberData(nameof(ModelOnlyContext.Providers), MemberType = typeof(ModelOnlyContext))]
    public void Every_board_owned_type_has_the_board_filter_in_the_compiled_model(DatabaseProvider provider)
    {
        using var db = ModelOnlyContext.Create(factory, provider, out _);
        var built = db.GetService<IDesignTimeModel>().Model;
        var filtered = db.Model.GetEntityTypes().Where(BoardQueryFilters.IsFiltered).ToList();

        Assert.True(filtered.Count > 30, $"only {filtered.Count} board-owned types");
        Assert.All(filtered, entityType =>
        {
            var filter = Assert.Single(entityType.GetDeclaredQueryFilters());
            var expected = Assert.Single(built.FindEntityType(entityType.Name)!.GetDeclaredQueryFilters());
            Assert.Equal(expected.Key, filter.Key);
            Assert.Equal(expected.Expression!.ToString(), filter.Expression!.ToString());
        });
        Assert.All(db.Model.GetEntityTypes().Except(filtered), entityType => Assert.Empty(entityType.GetDeclaredQueryFilters()));
    }
}
