using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LearningHub.Core.Data;

/// <summary>
/// An EF Core compiled query (<c>EF.CompileAsyncQuery</c>) kept once per model. A compiled query skips, on every call,
/// making the query's cache key from its expression tree and looking it up, but it binds to the first model it runs
/// against and refuses any other; a process that serves through both providers (the test suite, a tool moving data
/// from SQLite to PostgreSQL) has two models, so each gets its own compilation.
/// </summary>
public sealed class CompiledPerModel<TQuery>
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];
    private readonly Func<DbContext, TQuery> _compile;

    public CompiledPerModel(Func<TQuery> compile) => _compile = _ => compile();

    /// <summary>For a query written differently for each provider: <paramref name="compile"/> is given the first context of each model.</summary>
    public CompiledPerModel(Func<DbContext, TQuery> compile) => _compile = compile;

    public TQuery For(DbContext db) => _compiled.GetValue(db.Model, _ => _compile(db));
}
