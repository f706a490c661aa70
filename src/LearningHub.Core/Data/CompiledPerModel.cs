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
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    public TQuery For(DbContext db) => _compiled.GetValue(db.Model, _ => compile());
}
