namespace LearningHub.IntegrationTests.Infrastructure;

/// <summary>
/// A test that needs a PostgreSQL server: it runs where <c>LEARNINGHUB_TEST_POSTGRES</c> holds a
/// connection string to one (the test script starts a throwaway server and sets it) and is skipped,
/// visibly, elsewhere.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "LEARNINGHUB_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"No PostgreSQL server: set {Variable} to run this test.";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
