using System.Data.Common;
using LearningHub.Core;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LearningHub.IntegrationTests.Data;

/// <summary>
/// Each provider's migrations (the shared hand-written history and the generated ones after it) must
/// build exactly the schema the model describes. A database made by the migrations is compared, table by
/// table, with one made from the model by EnsureCreated.
/// </summary>
public sealed class SchemaMatchesModelTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    /// <summary>
    /// Expression indexes the migrations add and EF Core cannot model: the Cases module's full-text index, a
    /// person's bookings, mail and form answers by lower-cased address (ScalePagesIndexes, AuditSearchIndexes), and
    /// the audit log's trigram indexes (AuditSearchIndexes) and its word indexes (AuditWordSearch). Each one is checked
    /// to exist instead.
    /// </summary>
    private static readonly string[] ExpressionIndexes =
    [
        "IX_CaseModuleVersions_SearchText_FullText", "IX_Bookings_LowerEmail_BoardId", "IX_OutboxMessages_LowerToAddress_BoardId",
        "IX_FormSubmissions_LowerRespondentEmail_BoardId", "IX_AuditEntries_BoardId_LowerActorName_Trigram",
        "IX_AuditEntries_BoardId_LowerTargetLabel_Trigram", "IX_AuditEntries_SearchText_Words", "IX_AuditEntries_BoardId_SearchText_Words_NotAccounts",
    ];

    /// <summary>The expression indexes that exist on both providers (full-text and trigram ones are PostgreSQL's only; SQLite uses FTS5).</summary>
    private static readonly string[] LowerCaseIndexes =
        ["IX_Bookings_LowerEmail_BoardId", "IX_OutboxMessages_LowerToAddress_BoardId", "IX_FormSubmissions_LowerRespondentEmail_BoardId"];

    private LearningHubDbContext CreateContext(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<LearningHubDbContext>();
        settings.Configure(options);
        options.UseApplicationServiceProvider(factory.Services);
        return new LearningHubDbContext(options.Options);
    }

    [Fact]
    public async Task Migrated_SQLite_schema_equals_the_model()
    {
        var folder = Path.Combine(factory.DataPath, "schema");
        Directory.CreateDirectory(folder);
        var migrated = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "migrated.db")}");
        var created = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "created.db")}");

        await using (var db = CreateContext(migrated))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = CreateContext(created))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await DescribeSqliteAsync(created.ConnectionString);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await DescribeSqliteAsync(migrated.ConnectionString));
        await using var connection = new SqliteConnection(migrated.ConnectionString);
        await connection.OpenAsync();
        var indexes = (await ReadAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'index'")).Select(i => i[0]).ToList();
        Assert.All(LowerCaseIndexes, name => Assert.Contains(name, indexes));
    }

    [PostgresFact]
    public async Task Migrated_PostgreSQL_schema_equals_the_model()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresFactAttribute.ConnectionString);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var migrated = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = $"lh_migrated_{suffix}" };
        var created = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = $"lh_created_{suffix}" };
        try
        {
            await using (var db = CreateContext(new DatabaseSettings(DatabaseProvider.Postgres, migrated.ConnectionString)))
            {
                await db.Database.MigrateAsync();
            }

            await using (var db = CreateContext(new DatabaseSettings(DatabaseProvider.Postgres, created.ConnectionString)))
            {
                await db.Database.EnsureCreatedAsync();
            }

            var expected = await DescribePostgresAsync(created.ConnectionString);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await DescribePostgresAsync(migrated.ConnectionString));
            await using var connection = new NpgsqlConnection(migrated.ConnectionString);
            await connection.OpenAsync();
            var indexes = (await ReadAsync(connection, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")).Select(i => i[0]).ToList();
            Assert.All(ExpressionIndexes, name => Assert.Contains(name, indexes));
        }
        finally
        {
            await TestPostgres.DropAsync(migrated.Database!, created.Database!);
        }
    }

    /// <summary>Columns, indexes and foreign keys of every table, one sorted line each.</summary>
    private static async Task<List<string>> DescribeSqliteAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        // CaseModuleSearch* is the Cases module's FTS5 index and its shadow tables: made by its migration, not the model.
        var tables = await ReadAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock') AND name NOT LIKE 'CaseModuleSearch%'");
        foreach (var table in tables.Select(t => t[0]))
        {
            lines.Add($"table {table}");
            lines.AddRange((await ReadAsync(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')"))
                .Select(c => $"column {table}.{c[0]} {c[1]} notnull={c[2]} default={c[3]} pk={c[4]}"));
            foreach (var index in (await ReadAsync(connection, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')"))
                         .Where(i => !ExpressionIndexes.Contains(i[0])))
            {
                var columns = await ReadAsync(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno");
                lines.Add($"index {table}.{index[0]} unique={index[1]} origin={index[2]} partial={index[3]} ({string.Join(",", columns.Select(c => c[0]))})");
            }

            lines.AddRange((await ReadAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{table}')"))
                .Select(f => $"fk {table}.{f[1]} -> {f[0]}.{f[2]} update={f[3]} delete={f[4]}"));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> DescribePostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        lines.AddRange((await ReadAsync(connection, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable,
                   coalesce(column_default, ''), is_identity
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
            """)).Select(c => $"column {c[0]}.{c[1]} {c[2]}({c[3]}) nullable={c[4]} default={c[5]} identity={c[6]}"));
        lines.AddRange((await ReadAsync(connection, """
            SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
            """)).Where(i => !ExpressionIndexes.Contains(i[1])).Select(i => $"index {i[0]}.{i[1]} {i[2]}"));
        lines.AddRange((await ReadAsync(connection, """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%EFMigrationsHistory%'
            """)).Select(c => $"constraint {c[0]}.{c[1]} {c[2]}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string[]>> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        }

        return rows;
    }
}
