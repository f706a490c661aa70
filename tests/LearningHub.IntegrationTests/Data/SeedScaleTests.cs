using System.Net;
using LearningHub.Bench.Scale;
using LearningHub.IntegrationTests.Infrastructure;
using Npgsql;

namespace LearningHub.IntegrationTests.Data;

/// <summary>
/// Issue 22, acceptance 4: seed-scale (bench/LearningHub.Bench.Scale) at the small size into a new PostgreSQL database
/// makes exactly the rows its parameters ask for, keeps the rules the app keeps (no event overbooked, one active booking
/// per person and event, a certificate for every completion), and leaves a database the app serves: a seeded board's
/// home page, and a seeded account signing in with the one password.
/// </summary>
public sealed class SeedScaleTests : IAsyncLifetime
{
    private readonly string _database = $"lh_scale_{Guid.NewGuid():N}"[..20];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is not null)
        {
            await TestPostgres.DropAsync(_database);
        }
    }

    [PostgresFact]
    public async Task Small_seed_makes_the_counts_asked_for_and_the_app_serves_it()
    {
        var size = ScaleSize.Small;
        var connectionString = TestPostgres.ConnectionTo(_database);
        var log = new StringWriter();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var report = await ScaleSeeder.SeedAsync(connectionString, size, log, today);

        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        async Task<long> Count(string sql)
        {
            await using var command = new NpgsqlCommand(sql, db);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        Assert.Equal(size.Boards, await Count("""SELECT count(*) FROM "Boards" """));
        Assert.Equal(size.Accounts, await Count("""SELECT count(*) FROM "AspNetUsers" """));
        Assert.Equal(size.LargestBoard, await Count("""SELECT max(n) FROM (SELECT count(*) AS n FROM "AspNetUsers" GROUP BY "BoardId") AS boards"""));
        // Every account a practitioner, and each board's four staff their role as well.
        Assert.Equal(size.Accounts + (size.Boards * ScaleSize.StaffPerBoard), await Count("""SELECT count(*) FROM "AspNetUserRoles" """));
        Assert.Equal(size.Boards * size.ModulesPerBoard, await Count(
            """SELECT count(*) FROM "CaseModules" m JOIN "CaseModuleVersions" v ON v."Id" = m."PublishedVersionId" WHERE m."Status" = 'Published' AND v."State" = 'Published'"""));
        Assert.Equal(size.Boards * size.EventsPerBoard, await Count("""SELECT count(*) FROM "Events" """));
        Assert.Equal(size.Bookings, await Count("""SELECT count(*) FROM "Bookings" """));
        Assert.Equal(size.Completions, await Count("""SELECT count(*) FROM "CaseProgress" WHERE "CompletedUtc" IS NOT NULL"""));
        Assert.Equal(size.Completions, await Count("""SELECT count(*) FROM "CaseCertificates" c JOIN "CaseProgress" p ON p."Id" = c."ProgressId" WHERE p."CompletedUtc" IS NOT NULL"""));
        Assert.Equal(size.EvaluationAnswers, await Count("""SELECT count(*) FROM "FormAnswers" """));
        Assert.Equal(size.AuditEntries, await Count("""SELECT count(*) FROM "AuditEntries" """));
        Assert.Equal(size.MailRows, await Count("""SELECT count(*) FROM "OutboxMessages" """));
        foreach (var (table, rows) in report.Rows)
        {
            Assert.Equal(rows, await Count($"""SELECT count(*) FROM "{table}" """));
        }

        // The booking rules: confirmed places within capacity, a waiting list only behind a full event, some cancelled,
        // and the register marked on past events only.
        Assert.Equal(0, await Count(
            """
            SELECT count(*) FROM "Events" e
            WHERE e."Capacity" < (SELECT count(*) FROM "Bookings" b WHERE b."EventId" = e."Id" AND b."Status" = 'Confirmed' AND NOT b."IsWalkIn")
            """));
        Assert.Equal(0, await Count(
            """
            SELECT count(*) FROM "Events" e
            WHERE EXISTS (SELECT 1 FROM "Bookings" b WHERE b."EventId" = e."Id" AND b."Status" = 'Waitlisted')
              AND e."Capacity" > (SELECT count(*) FROM "Bookings" b WHERE b."EventId" = e."Id" AND b."Status" = 'Confirmed' AND NOT b."IsWalkIn")
            """));
        Assert.True(await Count("""SELECT count(*) FROM "Bookings" WHERE "Status" = 'Waitlisted'""") > 0);
        Assert.True(await Count("""SELECT count(*) FROM "Bookings" WHERE "Status" = 'Cancelled' AND "ActiveUserId" IS NULL""") > 0);
        Assert.Equal(0, await Count($"""SELECT count(*) FROM "Bookings" b JOIN "Events" e ON e."Id" = b."EventId" WHERE b."Attendance" IS NOT NULL AND e."StartUtc" > '{today:yyyy-MM-dd}'"""));
        // The phase report: each table's time, rows and rows per second.
        Assert.Matches($@"\|\s+COPY Bookings \| [0-9.]+ s \| {size.Bookings:N0} \| [0-9,]+ \|", log.ToString());

        // The app over the seeded database: a board's home page, and a seeded practitioner signing in with the one password.
        var board = report.Boards[0].Slug;
        // A practitioner (not one of the staff accounts) with a confirmed place on an upcoming event.
        await using var find = new NpgsqlCommand(
            """
            SELECT u."Email", k."Reference" FROM "AspNetUsers" u
            JOIN "Boards" b ON b."Id" = u."BoardId"
            JOIN "Bookings" k ON k."UserId" = u."Id" AND k."Status" = 'Confirmed'
            JOIN "Events" e ON e."Id" = k."EventId" AND e."StartUtc" > now()
            WHERE b."Slug" = @board AND u."Email" LIKE '%.%.%@%'
            ORDER BY u."Email", k."Reference" LIMIT 1
            """, db);
        find.Parameters.AddWithValue("board", board);
        string? practitioner = null, reference = null;
        await using (var reader = await find.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync())
            {
                (practitioner, reference) = (reader.GetString(0), reader.GetString(1));
            }
        }

        Assert.NotNull(practitioner);
        await using var app = new PostgresFactory(connectionString);
        var client = app.CreateBrowserClient();
        var home = await client.GetDocumentAsync($"/{board}");
        Assert.Contains(BoardNames.All[0], home.Title);
        await client.SignInAsync(board, practitioner, ScaleSeeder.Password);
        var bookings = await client.GetDocumentAsync($"/{board}/events/my-bookings");
        Assert.Contains(reference!, bookings.QuerySelector("main")!.TextContent);

        var admin = app.CreateBrowserClient();
        await admin.SignInAsync(board, BoardRows.StaffEmail("admin", board), ScaleSeeder.Password);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/{board}/impact")).StatusCode);
    }
}
