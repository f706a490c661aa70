using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace LearningHub.Bench.Scale;

/// <summary>
/// Writes entities into their table with PostgreSQL's binary <c>COPY ... FROM STDIN</c>. The table, its columns, each
/// column's store type and each property's value converter (enums stored as text, UTC times) come from the app's EF Core
/// model, so rows land exactly as SaveChanges would write them, and a renamed column or a type this writer does not know
/// fails here, loudly, rather than writing something the app cannot read. Keys and BoardId are the caller's: nothing is
/// generated.
/// </summary>
public sealed class TableCopy<T> where T : class
{
    private readonly Column[] _columns;

    public TableCopy(IModel model)
    {
        var entityType = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        Table = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table");
        var table = StoreObjectIdentifier.Table(Table, entityType.GetSchema());
        _columns = entityType.GetProperties()
            // A computed column is the database's to fill.
            .Where(p => p.GetColumnName(table) is not null && p.GetComputedColumnSql(table) is null)
            .Select(p =>
            {
                if (p.IsShadowProperty())
                {
                    throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property: this writer cannot read it");
                }

                var mapping = p.GetRelationalTypeMapping();
                return new Column(p.GetColumnName(table)!, p.GetGetter(), mapping.Converter, TypeOf(p.GetColumnType(), $"{Table}.{p.Name}"));
            })
            .ToArray();
        var columnList = string.Join(", ", _columns.Select(c => $"\"{c.Name}\""));
        Command = $"COPY \"{Table}\" ({columnList}) FROM STDIN (FORMAT BINARY)";
    }

    public string Table { get; }

    public string Command { get; }

    /// <summary>Copies the rows (enumerated once, as they are written, so a large set is never all in memory).</summary>
    public async Task<long> WriteAsync(NpgsqlConnection connection, IEnumerable<T> rows, CancellationToken cancellationToken = default)
    {
        await using var writer = await connection.BeginBinaryImportAsync(Command, cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var column in _columns)
            {
                var value = column.Getter.GetClrValueUsingContainingEntity(row);
                if (value is not null && column.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                if (value is null)
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(value, column.Type, cancellationToken);
                }
            }
        }

        return (long)await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// The wire type of a column from its store type in the model ("character varying(200)" → varchar). Binary COPY sends
    /// values in the column's own format, so a type not listed here (one a migration introduced later) must be added.
    /// </summary>
    private static NpgsqlDbType TypeOf(string storeType, string where)
    {
        var bare = storeType.Split('(')[0].Trim();
        return bare switch
        {
            "uuid" => NpgsqlDbType.Uuid,
            "text" => NpgsqlDbType.Text,
            "character varying" => NpgsqlDbType.Varchar,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "timestamp without time zone" => NpgsqlDbType.Timestamp,
            "date" => NpgsqlDbType.Date,
            "boolean" => NpgsqlDbType.Boolean,
            "integer" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            "smallint" => NpgsqlDbType.Smallint,
            "double precision" => NpgsqlDbType.Double,
            "numeric" => NpgsqlDbType.Numeric,
            "bytea" => NpgsqlDbType.Bytea,
            _ => throw new InvalidOperationException($"{where}: store type '{storeType}' is not one the seeder's COPY knows: add it to {nameof(TypeOf)}"),
        };
    }

    private sealed record Column(string Name, IClrPropertyGetter Getter, ValueConverter? Converter, NpgsqlDbType Type);
}

/// <summary>Rows and time per table across the boards, for the phase report.</summary>
public sealed class CopyTimes
{
    private readonly Dictionary<string, (long Rows, TimeSpan Time)> _tables = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, (long Rows, TimeSpan Time)> Tables => _tables;

    public async Task<long> CopyAsync<T>(NpgsqlConnection connection, TableCopy<T> copy, IEnumerable<T> rows) where T : class
    {
        var clock = Stopwatch.StartNew();
        var written = await copy.WriteAsync(connection, rows);
        var (sofar, time) = _tables.GetValueOrDefault(copy.Table);
        _tables[copy.Table] = (sofar + written, time + clock.Elapsed);
        return written;
    }
}
