using LearningHub.Core;
using Microsoft.Data.Sqlite;

namespace LearningHub.Web.Hosting;

/// <summary>
/// <c>dotnet LearningHub.Web.dll backup &lt;file&gt;</c>: a consistent copy of the SQLite database, taken
/// while the site runs, through SQLite's online backup API. The copy is one snapshot (in WAL mode the
/// backup reads one consistent view while the site keeps writing), checked with
/// <c>PRAGMA integrity_check</c>, written beside the target and renamed into place, so a failed backup
/// never leaves a half file under the name. PostgreSQL is refused: pg_dump does that job.
/// </summary>
public static class BackupCommand
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "backup";

    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["backup", var target] || string.IsNullOrWhiteSpace(target))
        {
            error.WriteLine("Usage: backup <file>   (a copy of the SQLite database, made while the site runs)");
            return Task.FromResult(2);
        }

        var database = services.GetRequiredService<DatabaseSettings>();
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            error.WriteLine("The database is PostgreSQL: this command backs up SQLite only. Use pg_dump, for example");
            error.WriteLine("  pg_dump --format=custom --file=learninghub.dump \"<connection>\"");
            error.WriteLine("and pg_restore to restore (docs/operations.md, \"Backup and restore\").");
            return Task.FromResult(3);
        }

        try
        {
            var copy = SqliteBackup.Create(database.ConnectionString, Path.GetFullPath(target));
            output.WriteLine($"Backed up {copy.Source} to {copy.Target} ({copy.Bytes:N0} bytes); integrity check ok.");
            return Task.FromResult(0);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            error.WriteLine($"Backup failed: {ex.Message}");
            return Task.FromResult(1);
        }
    }
}

public static class SqliteBackup
{
    public sealed record Result(string Source, string Target, long Bytes);

    public static Result Create(string sourceConnectionString, string targetFile)
    {
        var source = new SqliteConnectionStringBuilder(sourceConnectionString);
        var sourceFile = Path.GetFullPath(source.DataSource);
        if (!File.Exists(sourceFile))
        {
            throw new InvalidOperationException($"There is no database at {sourceFile}.");
        }

        if (File.Exists(targetFile))
        {
            throw new InvalidOperationException($"{targetFile} already exists: choose a new file name.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(targetFile)!);
        var partial = targetFile + ".partial";
        File.Delete(partial);
        try
        {
            // Mode=ReadWrite: never creates an empty database; the site's own WAL files are read, not changed.
            source.Mode = SqliteOpenMode.ReadWrite;
            source.Pooling = false;
            using (var from = new SqliteConnection(source.ConnectionString))
            using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ConnectionString))
            {
                from.Open();
                to.Open();
                from.BackupDatabase(to);

                // One self-contained file (no -wal beside it) that can be copied anywhere; the site sets WAL again on start.
                Execute(to, "PRAGMA journal_mode=DELETE;");
                var check = Execute(to, "PRAGMA integrity_check;");
                if (!string.Equals(check, "ok", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"The copy failed its integrity check: {check}");
                }
            }

            File.Move(partial, targetFile);
            return new Result(sourceFile, targetFile, new FileInfo(targetFile).Length);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static string? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }
}
