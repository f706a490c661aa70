namespace LearningHub.IntegrationTests.Infrastructure;

/// <summary>
/// A test that needs PgBouncer in transaction pooling mode in front of the test PostgreSQL server: it runs
/// where <c>LEARNINGHUB_TEST_PGBOUNCER</c> holds a connection string to it (the test script starts one
/// beside the throwaway server and sets it) and <c>LEARNINGHUB_TEST_POSTGRES</c> is set too (databases are
/// dropped directly on the server), and is skipped, visibly, elsewhere.
/// </summary>
public sealed class PgBouncerFactAttribute : FactAttribute
{
    public const string Variable = "LEARNINGHUB_TEST_PGBOUNCER";

    public PgBouncerFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) || string.IsNullOrWhiteSpace(PostgresFactAttribute.ConnectionString))
        {
            Skip = $"No PgBouncer: set {Variable} (and {PostgresFactAttribute.Variable}) to run this test; scripts/start-test-postgres.sh --pgbouncer prints both.";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
