using System.Data.Common;
using System.Text;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace LearningHub.Bench.Impact;

/// <summary>
/// Inserts many entities with multi-row <c>INSERT ... VALUES (...), (...)</c> statements, bypassing the change tracker.
/// Columns, names and value conversions come from the EF Core model (each property's relational type mapping makes its
/// parameter), so the rows are stored exactly as SaveChanges would store them, on SQLite and PostgreSQL alike; only
/// much faster (SaveChanges runs one INSERT per row on SQLite and tracks every entity). The caller sets every key and
/// the BoardId itself: nothing is generated here.
/// </summary>
internal static class BulkInsert
{
    // SQLite allows 32,766 parameters per statement, PostgreSQL 65,535; stay under both.
    private const int MostParameters = 30_000;
    private const int MostRows = 1_000;

    public static async Task InsertAsync<T>(LearningHubDbContext db, IReadOnlyList<T> rows) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Select(p => (Property: p, Column: p.GetColumnName(table)))
            .Where(c => c.Column is not null)
            .ToList();
        if (columns.FirstOrDefault(c => c.Property.IsShadowProperty()) is { Property: { } shadow })
        {
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property: this inserter cannot read it");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var getters = columns.Select(c => c.Property.GetGetter()).ToList();
        var mappings = columns.Select(c => (RelationalTypeMapping)c.Property.GetRelationalTypeMapping()).ToList();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column!)))}) VALUES ";
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // One command per statement size, prepared once and run again with new values: Microsoft.Data.Sqlite finds each
        // parameter by name in a list (quadratic in a statement's parameters), so SQLite gets one row per statement, many times.
        var perStatement = db.Database.IsSqlite() ? 1 : Math.Min(MostRows, MostParameters / columns.Count);
        DbCommand? full = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                var command = count == perStatement ? full ??= Prepare(count) : Prepare(count);
                for (var r = 0; r < count; r++)
                {
                    for (var c = 0; c < columns.Count; c++)
                    {
                        // The mapping's converter (enums, UTC times); the provider type was set when the parameter was made.
                        var value = getters[c].GetClrValue(rows[start + r]);
                        if (value is not null && mappings[c].Converter is { } converter)
                        {
                            value = converter.ConvertToProvider(value);
                        }

                        command.Parameters[(r * columns.Count) + c].Value = value ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync();
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        Console.WriteLine($"  {rows.Count:N0} {entityType.GetTableName()} in {clock.Elapsed.TotalSeconds:F1} s");

        DbCommand Prepare(int count)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            for (var r = 0; r < count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"p{(r * columns.Count) + c}";
                    text.Append(c == 0 ? "@" : ", @").Append(name);
                    // Made from the first row's value, for its provider type (a Guid as TEXT on SQLite, timestamptz on PostgreSQL).
                    command.Parameters.Add(mappings[c].CreateParameter(command, name, getters[c].GetClrValue(rows[0]), columns[c].Property.IsNullable));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            return command;
        }
    }

    /// <summary>Runs the inserts in one transaction on an open connection.</summary>
    public static async Task InTransactionAsync(LearningHubDbContext db, Func<Task> inserts)
    {
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await inserts();
        await transaction.CommitAsync();
    }

    /// <summary>An open connection's command, for the benchmark's own statements (ANALYZE, EXPLAIN).</summary>
    public static DbCommand Command(LearningHubDbContext db, string text)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = text;
        return command;
    }
}
