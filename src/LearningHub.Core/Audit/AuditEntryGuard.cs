using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LearningHub.Core.Audit;

/// <summary>Thrown when code tries to change or remove an audit entry.</summary>
public sealed class AuditLogIsAppendOnlyException(string message) : InvalidOperationException(message);

/// <summary>
/// Keeps the audit log append-only for everything that goes through EF: tracked updates and deletes are
/// refused before SaveChanges sends anything, and bulk or raw <c>UPDATE</c>/<c>DELETE</c> commands on the
/// table (<c>ExecuteDelete</c>, <c>ExecuteSqlRaw</c>) are refused before they reach the database.
/// </summary>
public sealed partial class AuditEntryGuard : SaveChangesInterceptor, IDbCommandInterceptor
{
    public static readonly AuditEntryGuard Instance = new();

    /// <summary>The text fields <see cref="AuditEntry.RemovePersonalData"/> may blank; every other field stays as written.</summary>
    private static readonly HashSet<string> RedactableProperties =
        [nameof(AuditEntry.ActorName), nameof(AuditEntry.TargetLabel), nameof(AuditEntry.ChangesJson)];

    // Entries handed to AuditEntry.RemovePersonalData, and the contexts saving them: weak, so nothing is kept alive.
    private static readonly ConditionalWeakTable<AuditEntry, object> Redacted = [];
    private static readonly ConditionalWeakTable<DbContext, object> SavingRedactions = [];

    internal static void AllowRedaction(AuditEntry entry) => Redacted.AddOrUpdate(entry, true);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EndRedaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        EndRedaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => EndRedaction(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        EndRedaction(eventData.Context);
        return Task.CompletedTask;
    }

    private static void EndRedaction(DbContext? context)
    {
        if (context is not null)
        {
            SavingRedactions.Remove(context);
        }
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var redacting = false;
        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State == EntityState.Modified && IsRedaction(entry))
            {
                redacting = true;
                continue;
            }

            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new AuditLogIsAppendOnlyException(
                    $"Audit entries cannot be changed or deleted (entry {entry.Entity.Id}, {entry.Entity.Action}).");
            }
        }

        if (redacting)
        {
            // This save's UPDATE of the table is the redaction just checked: let its command through.
            SavingRedactions.AddOrUpdate(context, true);
        }
        else
        {
            SavingRedactions.Remove(context);
        }
    }

    private static bool IsRedaction(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<AuditEntry> entry) =>
        Redacted.TryGetValue(entry.Entity, out _)
        && entry.Properties.Where(p => p.IsModified).All(p => RedactableProperties.Contains(p.Metadata.Name));

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        CheckCommand(command, eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CheckCommand(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        CheckCommand(command, eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        CheckCommand(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void CheckCommand(DbCommand command, DbContext? context)
    {
        if (command.CommandText.Contains("AuditEntries", StringComparison.OrdinalIgnoreCase)
            && ChangesAuditTable().IsMatch(command.CommandText)
            && !(context is not null && SavingRedactions.TryGetValue(context, out _) && !DeletesFromAuditTable().IsMatch(command.CommandText)))
        {
            throw new AuditLogIsAppendOnlyException("Audit entries cannot be changed or deleted.");
        }
    }

    // UPDATE "AuditEntries" ... / DELETE FROM "AuditEntries" ... / DROP or ALTER TABLE are left to migrations,
    // which do not run through the app's DbContext interceptors in a request.
    [GeneratedRegex("""(UPDATE|DELETE\s+FROM)\s+["`\[]?AuditEntries["`\]]?""", RegexOptions.IgnoreCase)]
    private static partial Regex ChangesAuditTable();

    [GeneratedRegex("""DELETE\s+FROM\s+["`\[]?AuditEntries["`\]]?""", RegexOptions.IgnoreCase)]
    private static partial Regex DeletesFromAuditTable();
}
