using System.Linq.Expressions;
using LearningHub.Core.Boards;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;

namespace LearningHub.Core.Data;

/// <summary>
/// The board query filter: every board-owned row type (<see cref="IBoardOwned"/>, the root of its hierarchy) is read
/// only for the context's current board. One home for the filter, used by the model built from the modules
/// (<see cref="LearningHubDbContext"/>) and by the compiled models, whose generator cannot write query filters
/// (dotnet/efcore#24897) and so puts them back through <see cref="AddTo"/> from their <c>Customize</c> hook.
/// </summary>
public static class BoardQueryFilters
{
    public static bool IsFiltered(IReadOnlyEntityType entityType) =>
        typeof(IBoardOwned).IsAssignableFrom(entityType.ClrType) && entityType.BaseType is null;

    /// <summary>
    /// <c>e => (Guid?)e.BoardId == context.CurrentBoardId</c>. The context is a typed null: EF Core replaces every
    /// expression of the context's type in a filter with the context running the query (its funcletizer's context
    /// accessors), so the filter holds no instance and reads the board per query. Had the replacement ever stopped,
    /// queries would fail on the null rather than read another board's rows.
    /// </summary>
    public static LambdaExpression For(Type clrType)
    {
        var entity = Expression.Parameter(clrType, "e");
        var boardId = Expression.Convert(Expression.Property(entity, nameof(IBoardOwned.BoardId)), typeof(Guid?));
        var context = Expression.Constant(null, typeof(LearningHubDbContext));
        var current = Expression.Property(context, nameof(LearningHubDbContext.CurrentBoardId));
        return Expression.Lambda(Expression.Equal(boardId, current), entity);
    }

    /// <summary>
    /// Puts the board filter on a compiled model's board-owned types, as the model built from the modules has it
    /// (<c>CompiledModelMatchesModelTests</c> compares them). Uses EF Core's internal metadata types (as its own
    /// finalising convention does) because the runtime model has no public way to add a filter.
    /// </summary>
    public static void AddTo(RuntimeModel model)
    {
#pragma warning disable EF1001 // Internal EF Core API: the only way to give a compiled model a query filter.
        foreach (var entityType in ((IModel)model).GetEntityTypes().Where(IsFiltered).Cast<RuntimeEntityType>())
        {
            entityType.AddAnnotation(CoreAnnotationNames.QueryFilter,
                new QueryFilterCollection([new RuntimeQueryFilter(LearningHubDbContext.BoardFilter, For(entityType.ClrType))]));
        }
#pragma warning restore EF1001
    }
}
