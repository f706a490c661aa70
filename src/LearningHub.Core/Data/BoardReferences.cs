using System.Reflection;
using System.Text.RegularExpressions;
using LearningHub.Core.Boards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningHub.Core.Data;

/// <summary>
/// Marks a board-owned entity's property that names another board-owned row without a foreign key (a taxonomy term, a
/// media image, a form by its key), so <see cref="BoardReferences"/> checks it like a foreign key. Foreign keys between
/// board-owned entities need no mark.
/// </summary>
public static class BoardReferenceMarks
{
    /// <summary>The model annotation a mark sets on the property.</summary>
    public const string Annotation = "LearningHub:BoardReference";

    /// <summary>
    /// The property holds the <paramref name="principalKey"/> (its id unless said) of a <typeparamref name="TPrincipal"/>
    /// row, which must be a row of the same board. <paramref name="noun"/> names it in the field error ("Select a
    /// <c>noun</c> from the list"); the entity's name in words when null.
    /// </summary>
    public static PropertyBuilder ReferencesBoardRow<TPrincipal>(this PropertyBuilder property, string principalKey = "Id", string? noun = null)
        where TPrincipal : class, IBoardOwned =>
        property.HasAnnotation(Annotation, $"{typeof(TPrincipal).FullName}|{principalKey}|{noun}");
}

/// <summary>A reference that does not name a row of the current board: the entity, its property and what the property names.</summary>
public sealed record BoardReferenceViolation(string Entity, string Property, string Noun)
{
    /// <summary>The field error a page shows for it.</summary>
    public string Message => $"Select {("aeiou".Contains(Noun[0]) ? "an" : "a")} {Noun} from the list";
}

/// <summary>
/// Thrown by <see cref="LearningHubDbContext.SaveChanges(bool)"/> when a row being saved names a row that is not of the
/// current board (another board's, or none). Nothing is saved. Pages turn it into field errors
/// (<see cref="Pages.BoardReferencePageFilter"/>).
/// </summary>
public sealed class BoardReferenceException(IReadOnlyList<BoardReferenceViolation> violations)
    : Exception("Cannot save a reference to a row that is not of the current board: "
                + string.Join(", ", violations.Select(v => $"{v.Entity}.{v.Property} ({v.Noun})")))
{
    public IReadOnlyList<BoardReferenceViolation> Violations => violations;
}

/// <summary>
/// References belong to the board: before a save, every reference an added or changed board-owned row makes to another
/// board-owned row (each foreign key between board-owned entities, and each property marked with
/// <see cref="BoardReferenceMarks.ReferencesBoardRow{TPrincipal}"/>) must name a row of the current board, tracked or
/// stored. Ids posted in a form are otherwise trusted by every page that saves them; this checks them all in one place.
/// A changed row is checked only for the references that changed. One query per kind of row referenced.
/// </summary>
internal static partial class BoardReferences
{
    private const string ModelReferences = "LearningHub:BoardReferences";

    private static readonly MethodInfo ExistingMethod =
        typeof(BoardReferences).GetMethod(nameof(ExistingAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private sealed record Reference(IProperty Property, IEntityType Principal, IProperty PrincipalKey, string Noun);

    public static async Task CheckAsync(LearningHubDbContext db, Guid boardId, bool async, CancellationToken cancellationToken)
    {
        var references = db.Model.GetOrAddRuntimeAnnotationValue(ModelReferences, static model => Find(model!), db.Model);
        // Read once: each call of Entries() detects changes again.
        var entries = db.ChangeTracker.Entries().ToList();
        var named = new List<(EntityEntry Entry, Reference Reference, object Value)>();
        foreach (var entry in entries)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)
                || !references.TryGetValue(entry.Metadata, out var made))
            {
                continue;
            }

            foreach (var reference in made)
            {
                var property = entry.Property(reference.Property);
                if ((entry.State == EntityState.Modified && !property.IsModified) || property.CurrentValue is null or "")
                {
                    continue;
                }

                named.Add((entry, reference, property.CurrentValue));
            }
        }

        var violations = new List<BoardReferenceViolation>();
        foreach (var target in named.GroupBy(n => (n.Reference.Principal, n.Reference.PrincipalKey)))
        {
            var (principal, key) = target.Key;
            var found = entries
                .Where(e => e.State is not (EntityState.Deleted or EntityState.Detached) && principal.ClrType.IsInstanceOfType(e.Entity)
                            && ((IBoardOwned)e.Entity).BoardId == boardId)
                .Select(e => e.Property(key.Name).CurrentValue)
                .OfType<object>()
                .ToHashSet();
            var unknown = target.Select(n => n.Value).Where(v => !found.Contains(v)).Distinct().ToList();
            if (unknown.Count > 0)
            {
                // The board query filter is on: a row of another board is not found, just as one that does not exist.
                var existing = (Task<List<object>>)ExistingMethod.MakeGenericMethod(principal.ClrType, key.ClrType)
                    .Invoke(null, [db, key.Name, unknown, async, cancellationToken])!;
                found.UnionWith(await existing);
            }

            violations.AddRange(target.Where(n => !found.Contains(n.Value))
                .Select(n => new BoardReferenceViolation(n.Entry.Metadata.ClrType.Name, n.Reference.Property.Name, n.Reference.Noun)));
        }

        if (violations.Count > 0)
        {
            throw new BoardReferenceException(violations.Distinct().ToList());
        }
    }

    private static async Task<List<object>> ExistingAsync<TEntity, TKey>(DbContext db, string key, List<object> values, bool async,
        CancellationToken cancellationToken)
        where TEntity : class
    {
        var wanted = values.Cast<TKey>().ToList();
        var query = db.Set<TEntity>().AsNoTracking().Select(e => EF.Property<TKey>(e, key)).Where(v => wanted.Contains(v));
        var existing = async ? await query.ToListAsync(cancellationToken) : query.ToList();
        return existing.Cast<object>().ToList();
    }

    /// <summary>The references each board-owned entity type makes, read once per model.</summary>
    private static Dictionary<IEntityType, List<Reference>> Find(IModel model)
    {
        var result = new Dictionary<IEntityType, List<Reference>>();
        foreach (var entityType in model.GetEntityTypes().Where(t => typeof(IBoardOwned).IsAssignableFrom(t.ClrType)))
        {
            var made = new List<Reference>();
            foreach (var foreignKey in entityType.GetForeignKeys()
                         .Where(k => k.Properties.Count == 1 && typeof(IBoardOwned).IsAssignableFrom(k.PrincipalEntityType.ClrType)))
            {
                made.Add(new Reference(foreignKey.Properties[0], foreignKey.PrincipalEntityType, foreignKey.PrincipalKey.Properties[0],
                    Words(foreignKey.PrincipalEntityType.ClrType.Name)));
            }

            foreach (var property in entityType.GetProperties())
            {
                if (property.FindAnnotation(BoardReferenceMarks.Annotation)?.Value is not string mark)
                {
                    continue;
                }

                var parts = mark.Split('|');
                var principal = model.FindEntityType(parts[0])
                                ?? throw new InvalidOperationException($"{entityType.ClrType.Name}.{property.Name} references {parts[0]}, which is not in the model.");
                var key = principal.FindProperty(parts[1])
                          ?? throw new InvalidOperationException($"{entityType.ClrType.Name}.{property.Name} references {principal.ClrType.Name}.{parts[1]}, which is not a property.");
                made.Add(new Reference(property, principal, key, parts[2].Length > 0 ? parts[2] : Words(principal.ClrType.Name)));
            }

            if (made.Count > 0)
            {
                result[entityType] = made;
            }
        }

        return result;
    }

    /// <summary><c>LearningTheme</c> as <c>learning theme</c>.</summary>
    private static string Words(string name) => WordStart().Replace(name, " $1").Trim().ToLowerInvariant();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex WordStart();
}
