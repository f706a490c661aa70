using System.Text.Json;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Services;
using Npgsql;

namespace LearningHub.IntegrationTests.Notifications;

/// <summary>
/// The dispatcher's claim on PostgreSQL reads about a batch of rows however long the queue is (issue 22: 100,000 queued
/// mails). Its earlier single statement, with the due and the abandoned conditions ORed, scanned and sorted every due
/// row for each batch of 50: over a second a claim at 125,000 queued, so the queue drained at a few mails a second.
/// Read from the statements' own plans (EXPLAIN ANALYZE, rolled back) over a queue of 20,000 due mails (large enough that
/// PostgreSQL would not rather read a small table whole).
/// </summary>
public sealed class PostgresOutboxClaimTests : IAsyncLifetime
{
    private const int Queued = 20_000;
    private const int Abandoned = 3;
    private const int Batch = 50;
    private readonly string _database = $"lh_claim_{Guid.NewGuid():N}"[..22];

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is null)
        {
            return;
        }

        // The app's migrations and recipes make the schema and the boards; it is stopped before the rows go in, so its
        // own dispatcher claims none of them.
        await using (var app = new PostgresFactory(TestPostgres.ConnectionTo(_database)))
        {
            _ = app.Services;
        }

        await using var connection = await OpenAsync();
        await using var fill = new NpgsqlCommand($"""
            INSERT INTO "OutboxMessages" ("Id", "BoardId", "DedupeKey", "Category", "ToAddress", "ToName", "Subject", "TextBody", "HtmlBody",
                "Status", "Attempts", "NextAttemptUtc", "CreatedUtc", "LockedUntilUtc", "ClaimToken")
            SELECT gen_random_uuid(), (SELECT "Id" FROM "Boards" WHERE "Slug" = 'norfolk'), 'claim:' || n, 'tests', 'person' || n || '@school.example',
                'Person', 'Message', 'T', '<p>H</p>',
                CASE WHEN n <= {Abandoned} THEN 'Sending' ELSE 'Pending' END, 0, now() - interval '1 hour' + n * interval '1 second', now(),
                CASE WHEN n <= {Abandoned} THEN now() - interval '1 minute' END,
                CASE WHEN n <= {Abandoned} THEN gen_random_uuid() END
            FROM generate_series(1, {Queued + Abandoned}) AS n;
            ANALYZE "OutboxMessages";
            """, connection);
        await fill.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is not null)
        {
            await TestPostgres.DropAsync(_database);
        }
    }

    [PostgresFact]
    public async Task Each_claim_statement_reads_about_a_batch_of_rows_not_the_whole_queue()
    {
        var now = DateTime.UtcNow;
        var lease = now.AddMinutes(5);
        foreach (var claim in new[]
                 {
                     OutboxProcessor.ClaimAbandonedSql(Guid.NewGuid(), now, lease, Batch),
                     OutboxProcessor.ClaimDueSql(Guid.NewGuid(), now, lease, Batch),
                 })
        {
            var plan = await PlanAsync(claim);
            var nodes = QueryPlans.Steps(plan).ToList();
            // Every node, the scans of OutboxMessages included, handles at most a batch of rows (plus the few abandoned
            // ones the first statement's index scan passes over); an ORed condition reads and sorts all 20,000.
            var most = nodes.Max(n => n.GetProperty("Actual Rows").GetDouble() + (n.TryGetProperty("Rows Removed by Filter", out var removed) ? removed.GetDouble() : 0));
            Assert.True(most <= Batch + Abandoned, $"a node handled {most} rows:{Environment.NewLine}{claim.Format}{Environment.NewLine}{plan}");
            Assert.DoesNotContain(nodes, n => n.GetProperty("Node Type").GetString() == "Sort");
        }
    }

    [PostgresFact]
    public async Task The_two_claims_take_the_abandoned_messages_first_then_the_oldest_due_up_to_a_batch()
    {
        var now = DateTime.UtcNow;
        var token = Guid.NewGuid();
        await using var connection = await OpenAsync();
        var abandoned = await ExecuteAsync(connection, OutboxProcessor.ClaimAbandonedSql(token, now, now.AddMinutes(5), Batch));
        var due = await ExecuteAsync(connection, OutboxProcessor.ClaimDueSql(token, now, now.AddMinutes(5), Batch - abandoned));

        Assert.Equal(Abandoned, abandoned);
        Assert.Equal(Batch - Abandoned, due);
        // The oldest due ones: messages 4 to 50 by their due time, and the abandoned 1 to 3, all now this claim's and Sending.
        await using var read = new NpgsqlCommand("""
            SELECT string_agg(substr("DedupeKey", 7), ',' ORDER BY "NextAttemptUtc") FROM "OutboxMessages"
            WHERE "ClaimToken" = $1 AND "Status" = 'Sending'
            """, connection) { Parameters = { new() { Value = token } } };
        Assert.Equal(string.Join(',', Enumerable.Range(1, Batch)), await read.ExecuteScalarAsync());
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(TestPostgres.ConnectionTo(_database));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The plan PostgreSQL followed for the statement (run, then rolled back).</summary>
    private async Task<JsonElement> PlanAsync(FormattableString statement)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var plan = await QueryPlans.ReadAsync(Command(connection, statement, "EXPLAIN (ANALYZE, FORMAT JSON) "));
        await transaction.RollbackAsync();
        return plan;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, FormattableString statement)
    {
        await using var command = Command(connection, statement, "");
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The statement as EF Core would send it: each interpolated value a positional parameter.</summary>
    private static NpgsqlCommand Command(NpgsqlConnection connection, FormattableString statement, string prefix)
    {
        var arguments = statement.GetArguments();
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, statement.Format,
            Enumerable.Range(1, arguments.Length).Select(i => (object)$"${i}").ToArray());
        var command = new NpgsqlCommand(prefix + sql, connection);
        foreach (var argument in arguments)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = argument });
        }

        return command;
    }
}
