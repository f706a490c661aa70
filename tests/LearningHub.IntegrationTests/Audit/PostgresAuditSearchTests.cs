using System.Text.Json;
using LearningHub.Core.Privacy;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.IntegrationTests.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using AuditPage = LearningHub.Web.Pages.Admin.Audit.IndexModel;

namespace LearningHub.IntegrationTests.Audit;

/// <summary>
/// The audit log of a busy board on PostgreSQL (issue 22): a person's data export and the audit page find what they
/// look for through indexes, reading about as many entries as they show, not the board's whole log. Each query the
/// app sends is run again under EXPLAIN ANALYZE with the same parameters, and every step of its plan is counted.
/// </summary>
public sealed class PostgresAuditSearchTests(BusyAuditLog log) : IClassFixture<BusyAuditLog>
{
    // A step of a plan may handle a page of entries, the counted ones and some candidates it then drops;
    // reading the board's entries (40,000) is far beyond it.
    private const int MostRowsAStepMayHandle = AuditPage.CountLimit + 2 * AuditPage.PageSize;

    [PostgresFact]
    public async Task A_persons_data_export_finds_the_entries_naming_them_without_reading_the_boards_log()
    {
        using var counter = CommandCounter.ForPostgres(log.Database);
        var export = await log.Factory!.WithBoardServicesAsync("norfolk", async services =>
        {
            var rights = services.GetRequiredService<PersonalDataRights>();
            return await rights.ExportAsync((await rights.SubjectAsync(log.Person.Id))!);
        });

        var entries = export.Modules.SelectMany(m => m.Sections).Single(s => s.Title == "Audit log entries about you");
        Assert.Equal(3, entries.Rows.Count(r => r[4]?.Contains("rosalind", StringComparison.OrdinalIgnoreCase) == true));
        Assert.DoesNotContain(entries.Rows, r => r[2] == "Alex Admin");
        await AssertEachAuditQueryReadsLittleAsync(counter);
    }

    [PostgresFact]
    public async Task A_name_made_of_the_end_of_one_text_and_the_start_of_the_next_is_not_the_person()
    {
        // "Pat Rosalind" did something to "Rarename Academy": the texts joined read "pat rosalind rarename academy",
        // which the index finds for Rosalind Rarename; the entry is not about her.
        await using (var connection = await OpenAsync())
        await using (var insert = new NpgsqlCommand($$"""
            INSERT INTO "AuditEntries" ("Id", "BoardId", "Action", "OccurredUtc", "ActorName", "TargetType", "TargetId", "TargetLabel")
            SELECT gen_random_uuid(), "Id", 'agencies.agency.renamed', now(), 'Pat Rosalind', 'Agency', 'agency-1', 'Rarename Academy'
            FROM "Boards" WHERE "Slug" = 'norfolk'
            """, connection))
        {
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }

        var export = await log.Factory!.WithBoardServicesAsync("norfolk", async services =>
        {
            var rights = services.GetRequiredService<PersonalDataRights>();
            return await rights.ExportAsync((await rights.SubjectAsync(log.Person.Id))!);
        });

        var entries = export.Modules.SelectMany(m => m.Sections).Single(s => s.Title == "Audit log entries about you");
        Assert.DoesNotContain(entries.Rows, r => r[1] == "agencies.agency.renamed");
    }

    [PostgresFact]
    public async Task The_audit_page_searches_a_rare_name_and_a_name_on_every_entry_without_reading_the_boards_log()
    {
        var admin = log.Factory!.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");

        using (var counter = CommandCounter.ForPostgres(log.Database))
        {
            var page = await admin.GetDocumentAsync("/norfolk/admin/audit?Filter.Target=person+1234");
            Assert.Equal("Person 1234", page.QuerySelector("#audit-entries tbody tr td:nth-child(4)")!.TextContent.Split('(')[0].Trim());
            await AssertEachAuditQueryReadsLittleAsync(counter);
        }

        using (var counter = CommandCounter.ForPostgres(log.Database))
        {
            var page = await admin.GetDocumentAsync("/norfolk/admin/audit?Filter.Person=chris+coordinator&page=3");
            Assert.StartsWith($"More than {AuditPage.CountLimit:N0} entries, page 3", page.QuerySelector("#audit-entries caption")!.TextContent.Trim(), StringComparison.Ordinal);
            Assert.Equal(AuditPage.PageSize, page.QuerySelectorAll("#audit-entries tbody tr").Length);
            await AssertEachAuditQueryReadsLittleAsync(counter);
        }
    }

    [PostgresFact]
    public async Task The_audit_page_plans_a_search_for_its_text_however_often_it_is_run()
    {
        // The app keeps statements prepared, and after five runs PostgreSQL may keep one generic plan for a statement,
        // made without the text searched for (on the full database: the trigram index, expecting 87 of a common name's
        // entries and finding 42,102). This log is too small for PostgreSQL to prefer it, so the database here asks for
        // generic plans outright; the page's own setting must still win. One connection, made after the setting, so
        // every search runs where its prepared statements are read afterwards.
        await SetPlanCacheModeAsync("force_generic_plan");
        try
        {
            await using var app = new PostgresFactory(TestPostgres.ConnectionTo(log.Database, maxPoolSize: 1));
            var admin = app.CreateBrowserClient();
            await admin.SignInAsync("norfolk", "admin@norfolk.demo");
            for (var run = 0; run < 8; run++)
            {
                var page = await admin.GetDocumentAsync("/norfolk/admin/audit?Filter.Person=chris+coordinator");
                Assert.NotNull(page.QuerySelector("#audit-entries tbody tr"));
            }

            // As one text a statement ("generic/custom"): a query for a type of several columns would add an ad-hoc
            // entity type to the model this test process shares (CompiledModelMatchesModelTests would then see it).
            var plans = await app.WithBoardAsync("norfolk", db => db.Database.SqlQueryRaw<string>("""
                SELECT generic_plans || '/' || custom_plans AS "Value" FROM pg_prepared_statements
                WHERE statement LIKE '%FROM "AuditEntries"%' AND statement LIKE '%LIKE%'
                """).ToListAsync());

            // The count and the page's rows, each prepared at its fifth run and planned for its text at every run since:
            // no generic plan, four custom ones.
            Assert.Equal(["0/4", "0/4"], plans);
        }
        finally
        {
            await SetPlanCacheModeAsync(null);
        }
    }

    private async Task SetPlanCacheModeAsync(string? mode)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionTo(log.Database));
        await connection.OpenAsync();
        var setting = mode is null ? "RESET plan_cache_mode" : $"SET plan_cache_mode = {mode}";
        await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{log.Database}\" {setting}", connection);
        await alter.ExecuteNonQueryAsync();
    }

    [PostgresFact]
    public async Task Erasing_a_person_blanks_the_entries_naming_them_by_address_or_name_and_leaves_a_namesakes_account_entry()
    {
        // PostgreSQL finds the candidates by words (AuditWordSearch), SQLite by substrings: the words must find what
        // erasure has to blank, including a name as JSON writes it (the apostrophe escaped).
        var person = await log.Factory!.CreatePractitionerAsync("norfolk", "Morwenna O'Quill", "morwenna.oquill@nhs.example");
        await using (var connection = await OpenAsync())
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO "AuditEntries" ("Id", "BoardId", "Action", "OccurredUtc", "ActorName", "TargetType", "TargetId", "TargetLabel", "ChangesJson")
            SELECT gen_random_uuid(), "Id", e.action, now(), 'Chris Coordinator', e.type, e.target, e.label, e.changes
            FROM "Boards" CROSS JOIN (VALUES
                ('events.walk-in.added', 'Booking', 'booking-a', 'Walk-in Morwenna.OQuill@nhs.example', NULL),
                ('events.booking.cancelled', 'Booking', 'booking-b', 'Booking 99', '{"name":"Morwenna O\u0027Quill"}'),
                ('events.attendance.marked', 'Booking', 'booking-c', 'Morwenna O''Quill', NULL),
                ('accounts.role.granted', 'Account', 'namesake-account', 'Morwenna O''Quill', '{"role":"Coordinator"}')
            ) AS e(action, type, target, label, changes)
            WHERE "Slug" = 'norfolk'
            """, connection))
        {
            Assert.Equal(4, await insert.ExecuteNonQueryAsync());
        }

        await log.Factory!.WithBoardServicesAsync("norfolk", async services =>
        {
            var rights = services.GetRequiredService<PersonalDataRights>();
            await rights.EraseAsync((await rights.SubjectAsync(person.Id))!, byThemselves: false);
            return true;
        });

        var entries = await log.Factory!.WithBoardAsync("norfolk", db => db.AuditEntries.AsNoTracking()
            .Where(e => e.TargetId == "booking-a" || e.TargetId == "booking-b" || e.TargetId == "booking-c" || e.TargetId == "namesake-account")
            .ToDictionaryAsync(e => e.TargetId!, e => $"{e.TargetLabel} {e.ChangesJson}"));
        Assert.DoesNotContain("oquill@", entries["booking-a"], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Quill", entries["booking-b"], StringComparison.Ordinal);
        Assert.DoesNotContain("Quill", entries["booking-c"], StringComparison.Ordinal);
        Assert.Equal("Morwenna O'Quill {\"role\":\"Coordinator\"}", entries["namesake-account"]);
    }

    [PostgresFact]
    public async Task The_logs_text_indexes_take_each_entry_as_it_is_written()
    {
        // GIN's default queues new entries in a pending list that every search reads through: on a log written all
        // day, that list, not the index, was most of an export's address search.
        await using var connection = await OpenAsync();
        await using var read = new NpgsqlCommand("""
            SELECT c.relname, array_to_string(c.reloptions, ',') FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
            WHERE i.indrelid = '"AuditEntries"'::regclass AND am.amname = 'gin'
            """, connection);
        var options = new Dictionary<string, string>();
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                options[reader.GetString(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
            }
        }

        Assert.Equal(4, options.Count);
        Assert.All(options, index => Assert.Contains("fastupdate=off", index.Value, StringComparison.Ordinal));
    }

    private async Task AssertEachAuditQueryReadsLittleAsync(CommandCounter counter)
    {
        var queries = counter.Recorded.Where(c => c.Text.Contains("FROM \"AuditEntries\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(queries);
        foreach (var query in queries)
        {
            var plan = await PlanAsync(query);
            var most = QueryPlans.Steps(plan).Max(RowsHandled);
            Assert.True(most <= MostRowsAStepMayHandle, $"a step of the plan handled {most} of {BusyAuditLog.Entries} entries:{Environment.NewLine}{query.Text}{Environment.NewLine}{plan}");
        }
    }

    /// <summary>Rows a step passed on (over all its loops) and rows it read and dropped.</summary>
    private static double RowsHandled(JsonElement node) =>
        node.GetProperty("Actual Rows").GetDouble() * node.GetProperty("Actual Loops").GetDouble()
        + (node.TryGetProperty("Rows Removed by Filter", out var filtered) ? filtered.GetDouble() : 0)
        + (node.TryGetProperty("Rows Removed by Index Recheck", out var rechecked) ? rechecked.GetDouble() : 0);

    private async Task<JsonElement> PlanAsync(RecordedCommand query)
    {
        await using var connection = await OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + query.Text, connection);
        foreach (var parameter in query.Parameters)
        {
            explain.Parameters.Add(((NpgsqlParameter)parameter).Clone());
        }

        return await QueryPlans.ReadAsync(explain);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(TestPostgres.ConnectionTo(log.Database));
        await connection.OpenAsync();
        return connection;
    }
}

/// <summary>A board with a year of audit entries (40,000), in a log that holds ten times as many (one PostgreSQL database for the class).</summary>
public sealed class BusyAuditLog : IAsyncLifetime
{
    public const int Entries = 40_000;

    /// <summary>Entries about other accounts of the same name as the person (a hundred namesakes).</summary>
    public const int Namesakes = 2_000;

    public string Database { get; } = $"lh_audit_{Guid.NewGuid():N}"[..22];

    public PostgresFactory? Factory { get; private set; }

    public TestPerson Person { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is null)
        {
            return;
        }

        Factory = new PostgresFactory(TestPostgres.ConnectionTo(Database));
        Person = await Factory.CreatePractitionerAsync("norfolk", "Rosalind Rarename", "rosalind.rarename@nhs.example");
        await using var connection = await OpenAsync();
        // The text indexes the migrations made (trigrams and words) are made again after the rows are in: building
        // them once is quicker than keeping them up to date row by row (as seed-scale does).
        var textIndexes = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand("""SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'AuditEntries' AND (indexname LIKE '%Trigram' OR indexname LIKE '%Words%')""", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                textIndexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Equal(4, textIndexes.Count);
        // A year of a coordinator's work on the board: every entry by the same person, each about someone else; three
        // of them name our person in what changed (by address, by name, and by an address in capitals). The log holds
        // every board's entries (here Essex's, nine times as many), as one deployment's log does: on a log as small as
        // the board's own, reading all of it is the quicker plan, and PostgreSQL rightly takes it. And namesakes: other
        // accounts of the board called Rosalind Rarename, each with a few entries about their account, which a
        // person's export must neither show nor read.
        await using var fill = new NpgsqlCommand($$$"""
            {{{string.Concat(textIndexes.Select(i => $"DROP INDEX \"{i.Name}\";\n"))}}}
            INSERT INTO "AuditEntries" ("Id", "BoardId", "Action", "OccurredUtc", "ActorUserId", "ActorName", "TargetType", "TargetId", "TargetLabel", "ChangesJson")
            SELECT gen_random_uuid(), CASE WHEN n <= {{{Entries}}} THEN norfolk."Id" ELSE essex."Id" END, 'events.attendance.marked',
                now() - (n % {{{Entries}}}) * interval '10 minutes', 'coordinator-id', 'Chris Coordinator', 'Booking', 'booking-' || n, 'Person ' || n,
                CASE n WHEN 101 THEN '{"email":"rosalind.rarename@nhs.example"}'
                       WHEN 202 THEN '{"name":"Rosalind Rarename"}'
                       WHEN 303 THEN '{"lineManager":"ROSALIND.RARENAME@NHS.EXAMPLE"}'
                       ELSE '{"email":"person' || n || '@school.example","mark":{"before":"NotMarked","after":"Attended"}}' END
            FROM generate_series(1, {{{Entries * 10}}}) AS n
            CROSS JOIN (SELECT "Id" FROM "Boards" WHERE "Slug" = 'norfolk') AS norfolk
            CROSS JOIN (SELECT "Id" FROM "Boards" WHERE "Slug" = 'essex') AS essex;
            INSERT INTO "AuditEntries" ("Id", "BoardId", "Action", "OccurredUtc", "ActorUserId", "ActorName", "TargetType", "TargetId", "TargetLabel", "ChangesJson")
            SELECT gen_random_uuid(), norfolk."Id", 'privacy.export.downloaded', now() - n * interval '1 hour', 'admin-id', 'Alex Admin',
                'Account', 'namesake-' || (n % 100), 'Rosalind Rarename', '{"format":"html"}'
            FROM generate_series(1, {{{Namesakes}}}) AS n
            CROSS JOIN (SELECT "Id" FROM "Boards" WHERE "Slug" = 'norfolk') AS norfolk;
            {{{string.Join(";\n", textIndexes.Select(i => i.Definition))}}};
            ANALYZE "AuditEntries";
            """, connection) { CommandTimeout = 300 };
        await fill.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (Factory is null)
        {
            return;
        }

        await Factory.DisposeAsync();
        await TestPostgres.DropAsync(Database);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(TestPostgres.ConnectionTo(Database));
        await connection.OpenAsync();
        return connection;
    }
}
