using Npgsql;

namespace LearningHub.IntegrationTests.Infrastructure;

/// <summary>Throwaway databases on the test PostgreSQL server (<see cref="PostgresFactAttribute"/>).</summary>
public static class TestPostgres
{
    /// <summary>
    /// A connection string to <paramref name="database"/> on the test server (created by the app's migrations),
    /// straight to the server or through PgBouncer (<see cref="PgBouncerFactAttribute"/>).
    /// </summary>
    public static string ConnectionTo(string database, int? maxPoolSize = null, DatabaseRoute route = DatabaseRoute.Direct)
    {
        var server = route == DatabaseRoute.PgBouncer ? PgBouncerFactAttribute.ConnectionString : PostgresFactAttribute.ConnectionString;
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = database };
        if (maxPoolSize is { } size)
        {
            builder.MaxPoolSize = size;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Creates an empty <paramref name="database"/> directly on the server, as an operator would before the
    /// first start behind PgBouncer: the app's migrations then run through the pooler, but creating a database
    /// cannot go through it (PgBouncer answers for a missing database with a login failure of its own, which
    /// EF Core's existence check does not recognise, and waits <c>server_login_retry</c> before trying it again).
    /// </summary>
    public static async Task CreateAsync(string database)
    {
        await using var admin = new NpgsqlConnection(PostgresFactAttribute.ConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>Drops the databases a test made, closing pooled connections to them first (PgBouncer's too: FORCE ends every backend).</summary>
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

/// <summary>How the app reaches the test server: directly, or through PgBouncer in transaction pooling mode.</summary>
public enum DatabaseRoute
{
    Direct,
    PgBouncer,
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
