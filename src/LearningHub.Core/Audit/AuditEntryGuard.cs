using System.Data.Common;
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

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new AuditLogIsAppendOnlyException(
                    $"Audit entries cannot be changed or deleted (entry {entry.Entity.Id}, {entry.Entity.Action}).");
            }
        }
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        CheckCommand(command);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CheckCommand(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        CheckCommand(command);
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        CheckCommand(command);
        return ValueTask.FromResult(result);
    }

    private static void CheckCommand(DbCommand command)
    {
        if (command.CommandText.Contains("AuditEntries", StringComparison.OrdinalIgnoreCase)
            && ChangesAuditTable().IsMatch(command.CommandText))
        {
            throw new AuditLogIsAppendOnlyException("Audit entries cannot be changed or deleted.");
        }
    }

    // UPDATE "AuditEntries" ... / DELETE FROM "AuditEntries" ... / DROP or ALTER TABLE are left to migrations,
    // which do not run through the app's DbContext interceptors in a request.
    [GeneratedRegex("""(UPDATE|DELETE\s+FROM)\s+["`\[]?AuditEntries["`\]]?""", RegexOptions.IgnoreCase)]
    private static partial Regex ChangesAuditTable();
}
