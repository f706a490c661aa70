using System.Text.Json;
using Npgsql;

namespace LearningHub.IntegrationTests.Infrastructure;

/// <summary>PostgreSQL's plans, read from <c>EXPLAIN (ANALYZE, FORMAT JSON)</c>, for tests of what a query reads.</summary>
public static class QueryPlans
{
    /// <summary>Runs <paramref name="explain"/> (an <c>EXPLAIN (…, FORMAT JSON)</c> command) and returns the plan's top step.</summary>
    public static async Task<JsonElement> ReadAsync(NpgsqlCommand explain)
    {
        var json = (string)(await explain.ExecuteScalarAsync())!;
        return JsonDocument.Parse(json).RootElement[0].GetProperty("Plan").Clone();
    }

    /// <summary>The step and every step under it.</summary>
    public static IEnumerable<JsonElement> Steps(JsonElement step)
    {
        yield return step;
        if (step.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray().SelectMany(Steps))
            {
                yield return child;
            }
        }
    }
}
