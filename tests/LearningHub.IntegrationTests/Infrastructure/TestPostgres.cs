using Npgsql;

namespace LearningHub.IntegrationTests.Infrastructure;

/// <summary>Throwaway databases on the test PostgreSQL server (<see cref="PostgresFactAttribute"/>).</summary>
public static class TestPostgres
{
    /// <summary>A connection string to <paramref name="database"/> on the test server (created by the app's migrations).</summary>
    public static string ConnectionTo(string database, int? maxPoolSize = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresFactAttribute.ConnectionString) { Database = database };
        if (maxPoolSize is { } size)
        {
            builder.MaxPoolSize = size;
        }

        return builder.ConnectionString;
    }

    /// <summary>Drops the databases a test made, closing pooled connections to them first.</summary>
    public static async Task DropAsync(params string[] databases)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresFactAttribute.ConnectionString);
        await admin.OpenAsync();
        foreach (var database in databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>The real app over a PostgreSQL database instead of SQLite.</summary>
public sealed class PostgresFactory(string connectionString) : LearningHubFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:LearningHub"] = connectionString,
    };
}
