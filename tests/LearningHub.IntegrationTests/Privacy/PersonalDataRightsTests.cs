using System.Net;
using System.Text.Json;
using LearningHub.Cases.Domain;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Core.Privacy;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Forms;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Services;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Privacy;

/// <summary>
/// A practitioner with one of every kind of personal record gets all of it in their copy, and after deleting
/// their account no text column of any table holds their name or email, while the board's reach report still
/// counts their attendance and their certificate's check page says the record was removed.
/// </summary>
public sealed class PersonalDataRightsTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    private const string Board = "norfolk";

    private sealed record Records(TestPerson Person, Guid PastEventId, string CertificateCode, DateTime From, DateTime To);

    /// <summary>One of every kind of record about <paramref name="person"/>, made through the modules' own services.</summary>
    private async Task<Records> GiveThemOneOfEverythingAsync(TestPerson person, string formKey)
    {
        var from = factory.Clock.GetUtcNow().UtcDateTime;
        var soon = await factory.CreateEventAsync(Board, capacity: 10, startsIn: TimeSpan.FromDays(1), now: from);
        var full = await factory.CreateEventAsync(Board, capacity: 1, startsIn: TimeSpan.FromDays(20), now: from);
        var booker = await factory.WithBoardServicesAsync(Board, async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            var agency = await db.Agencies.OrderBy(a => a.SortOrder).FirstAsync();
            return new Booker(person.Id, person.FullName, person.Email, agency.Name, agency.Sector, "Health visitor", "Norwich");
        });

        // A booking with an answer and a line manager, and a waiting-list place behind someone else.
        var booked = await factory.WithBoardServicesAsync(Board, services =>
            services.GetRequiredService<BookingService>().BookAsync(soon, booker, "Step-free access please", "line.manager@nhs.example"));
        Assert.Equal(BookingStatus.Confirmed, booked.Booking!.Status);
        await factory.BookAsync(Board, full, EventsTestData.Person(900));
        var waiting = await factory.BookAsync(Board, full, booker);
        Assert.Equal(BookingStatus.Waitlisted, waiting.Booking!.Status);

        // On the day: they check in with their QR code, and a coordinator also adds them as a walk-in by email
        // (in capitals, as typed at the door: rows holding only an address are matched case-insensitively).
        factory.Clock.Advance(TimeSpan.FromDays(1.1));
        await factory.WithBoardServicesAsync(Board, async services =>
        {
            var admin = services.GetRequiredService<EventAdmin>();
            Assert.Equal(CheckInOutcome.CheckedIn, (await admin.CheckInAsync(booked.Booking.Id, "Cora Coordinator")).Outcome);
            Assert.NotNull(await admin.AddWalkInAsync(soon, person.FullName, person.Email.ToUpperInvariant(), booker.AgencyName, booker.Sector,
                "Health visitor", "NSCB", "Cora Coordinator"));
            return true;
        });

        // Case learning: attendance credits the linked module (progress, completion on their CPD record, certificate, mail).
        await factory.WithBoardServicesAsync(Board, async services =>
        {
            await services.GetRequiredService<IAttendanceCredit>().CreditAsync(
                new AttendanceCredit(person.Id, person.FullName, person.Email, "case-y", "Case Y briefing", factory.Clock.GetUtcNow().UtcDateTime));
            await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
            return true;
        });
        var code = await factory.WithBoardAsync(Board, db => db.Set<CaseCertificate>().Where(c => c.UserId == person.Id).Select(c => c.Code).FirstAsync());

        // A named form answered, and an anonymous one (which is not theirs to erase).
        await factory.CreateFormAsync(Board, formKey, FormPurpose.GeneralFeedback, anonymous: false, FormsTestSupport.Q(QuestionType.LongText, "What will you do differently?", "change"));
        await factory.SubmitAsync(Board, formKey, "general", person.Id, new() { ["change"] = [$"As {person.FullName} I will ask about fathers"] });
        await factory.CreateFormAsync(Board, formKey + "-anon", FormPurpose.GeneralFeedback, anonymous: true, FormsTestSupport.Q(QuestionType.Scale, "How confident are you?", "confidence"));
        await factory.SubmitAsync(Board, formKey + "-anon", "general", person.Id, new() { ["confidence"] = ["4"] });

        // A calendar feed, and an audit entry about them naming them and their address.
        await factory.WithBoardServicesAsync(Board, async services =>
        {
            await services.GetRequiredService<CalendarFeeds>().ResetAsync(person.Id);
            services.GetRequiredService<AuditLog>().Record("accounts.role.granted", new AuditTarget("Account", person.Id, person.FullName),
                new { role = "Author", email = person.Email });
            await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
            return true;
        });
        return new Records(person, soon, code, from.AddDays(-1), from.AddDays(60));
    }

    private static Dictionary<string, List<JsonElement>> SectionsOf(JsonDocument export) =>
        export.RootElement.GetProperty("modules").EnumerateArray()
            .SelectMany(m => m.GetProperty("sections").EnumerateArray()
                .Select(s => (Title: $"{m.GetProperty("name").GetString()}/{s.GetProperty("title").GetString()}", Rows: s.GetProperty("rows").EnumerateArray().ToList())))
            .ToDictionary(s => s.Title, s => s.Rows);

    private static string? Value(JsonElement row, string column) =>
        row.GetProperty(column).ValueKind == JsonValueKind.Null ? null : row.GetProperty(column).GetString();

    private static async Task<JsonDocument> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.SubmitFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_json_copy_holds_every_kind_of_personal_record()
    {
        var person = await factory.CreatePractitionerAsync(Board, "Quentin Exportwell", "quentin.exportwell@nhs.example", "their.manager@nhs.example");
        var records = await GiveThemOneOfEverythingAsync(person, "privacy-export");
        var client = await factory.SignedInAsync(Board, person);

        using var export = await DownloadAsync(client, $"/{Board}/account/your-data");
        var sections = SectionsOf(export);

        var profile = sections["Your account/Profile"];
        Assert.Contains(profile, r => Value(r, "Field") == "Full name" && Value(r, "Value") == person.FullName);
        Assert.Contains(profile, r => Value(r, "Field") == "Line manager's email address" && Value(r, "Value") == "their.manager@nhs.example");
        // Named from the board's taxonomies (read with the account in one query).
        var (agency, sector, locality) = await factory.WithBoardAsync(Board, async db =>
        {
            var first = await db.Agencies.OrderBy(a => a.SortOrder).FirstAsync();
            return (first.Name, first.Sector.DisplayName(), await db.Localities.OrderBy(l => l.SortOrder).Select(l => l.Name).FirstAsync());
        });
        Assert.Contains(profile, r => Value(r, "Field") == "Agency" && Value(r, "Value") == agency);
        Assert.Contains(profile, r => Value(r, "Field") == "Sector" && Value(r, "Value") == sector);
        Assert.Contains(profile, r => Value(r, "Field") == "Locality" && Value(r, "Value") == locality);
        Assert.Contains(sections["Your account/Roles"], r => Value(r, "Role") == "Practitioner");
        Assert.Contains(sections["Your account/Audit log entries about you"], r => Value(r, "Action") == "accounts.role.granted");

        var bookings = sections["Events/Bookings"];
        Assert.Contains(bookings, r => Value(r, "Your answer") == "Step-free access please" && Value(r, "Line manager's email address") == "line.manager@nhs.example");
        Assert.Contains(bookings, r => Value(r, "Walk-in") == "Yes" && Value(r, "Email address") == person.Email.ToUpperInvariant());
        Assert.Contains(sections["Events/Waiting lists"], r => Value(r, "Position") == "1");
        Assert.Contains(sections["Events/Attendance"], r => Value(r, "Attendance") == "Attended" && Value(r, "Checked in") is not null);

        Assert.NotEmpty(sections["Case learning/Progress"]);
        Assert.Contains(sections["Case learning/Completions (CPD record)"], r => Value(r, "How")!.StartsWith("attended:", StringComparison.Ordinal));
        Assert.Contains(sections["Case learning/Certificates"], r => Value(r, "Code") == records.CertificateCode && Value(r, "Name on certificate") == person.FullName);

        Assert.Contains(sections["Forms/Your answers to named forms"], r => Value(r, "Your answer")!.Contains("ask about fathers", StringComparison.Ordinal));
        Assert.DoesNotContain(sections["Forms/Your answers to named forms"], r => Value(r, "Question") == "How confident are you?");

        Assert.Contains(sections["Mail/Mail sent to you"], r => Value(r, "To") == person.Email && !string.IsNullOrEmpty(Value(r, "Message")));
        Assert.Single(sections["Mail/Calendar feed addresses"]);
    }

    [Fact]
    public async Task After_deleting_their_account_no_text_column_holds_their_name_or_email_and_reports_still_count_them()
    {
        var person = await factory.CreatePractitionerAsync(Board, "Rosalind Erasewright", "rosalind.erasewright@police.example");
        var records = await GiveThemOneOfEverythingAsync(person, "privacy-erase");
        var reachBefore = await ReachAsync(records);
        Assert.NotEmpty(await TextColumnsHoldingAsync(person.FullName));
        var anonymousBefore = await AnonymousSubmissionsAsync("privacy-erase-anon");
        var client = await factory.SignedInAsync(Board, person);

        var response = await client.SubmitFormAsync($"/{Board}/account/delete", new Dictionary<string, string> { ["Input.Password"] = person.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/{Board}/account/deleted", response.Headers.Location?.OriginalString);
        var done = await client.GetDocumentAsync($"/{Board}/account/deleted");
        Assert.Contains("Your account has been deleted", done.QuerySelector("h1")!.TextContent);
        // Signed out: their account pages now ask them to sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/{Board}/account")).StatusCode);

        Assert.Empty(await TextColumnsHoldingAsync(person.FullName));
        Assert.Empty(await TextColumnsHoldingAsync(person.Email));
        Assert.False(await factory.AccountExistsAsync(Board, person.Id));

        var reachAfter = await ReachAsync(records);
        Assert.Equal(reachBefore.Attended, reachAfter.Attended);
        Assert.Equal(reachBefore.WalkIns, reachAfter.WalkIns);
        Assert.True(reachAfter.Attended >= 2, "their attendance and their walk-in still count");
        Assert.Equal(anonymousBefore, await AnonymousSubmissionsAsync("privacy-erase-anon"));

        var verify = await factory.CreateClient().GetDocumentAsync($"/{Board}/verify/{records.CertificateCode}");
        Assert.Contains("record was removed", verify.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_copy_is_gathered_and_recorded_on_one_connection_and_only_for_a_person_of_the_board()
    {
        var person = await factory.CreatePractitionerAsync(Board, "Olu Onelink", "olu.onelink@nhs.example");
        var essexPerson = await factory.CreatePractitionerAsync("essex", "Olu Elsewhere", "olu.elsewhere@nhs.example");

        var (opened, copy, otherBoards) = await factory.WithBoardServicesAsync(Board, async services =>
        {
            // Each open of a closed connection is a connection taken from the pool, which Npgsql resets before using.
            var connection = services.GetRequiredService<LearningHubDbContext>().Database.GetDbConnection();
            var opened = 0;
            connection.StateChange += (_, change) => opened += change.CurrentState == System.Data.ConnectionState.Open ? 1 : 0;
            var rights = services.GetRequiredService<PersonalDataRights>();
            var copy = await rights.CopyAsync(person.Id, "json");
            var openedForOneCopy = opened; // before the second copy opens it again
            return (openedForOneCopy, copy, await rights.CopyAsync(essexPerson.Id, "json"));
        });

        Assert.Equal(1, opened);
        Assert.NotNull(copy);
        Assert.Equal("Olu Onelink", copy.PersonName);
        Assert.Null(otherBoards);
        var recorded = await factory.WithBoardAsync(Board, db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == PersonalDataRights.ExportDownloaded && e.TargetId == person.Id).Select(e => e.ChangesJson).ToListAsync());
        Assert.Equal("json", JsonDocument.Parse(Assert.Single(recorded)!).RootElement.GetProperty("format").GetString());
        Assert.Empty(await factory.WithBoardAsync("essex", db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == PersonalDataRights.ExportDownloaded && e.TargetId == essexPerson.Id).ToListAsync()));
    }

    [Fact]
    public async Task A_namesakes_account_entries_are_neither_in_the_export_nor_taken_out_at_erasure()
    {
        var person = await factory.CreatePractitionerAsync(Board, "Nadia Namesake", "nadia.one@nhs.example");
        var namesake = await factory.CreatePractitionerAsync(Board, "Nadia Namesake", "nadia.two@police.example");
        await factory.WithBoardServicesAsync(Board, async services =>
        {
            var audit = services.GetRequiredService<AuditLog>();
            audit.Record("accounts.role.granted", AuditTarget.Account(namesake.Id, namesake.FullName), new { role = "Coordinator" });
            // An entry about something else that names the person is still theirs.
            audit.Record("events.walk-in.added", new AuditTarget("Booking", "walk-in-1", "Nadia Namesake (walk-in)"));
            return await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
        });

        var export = await factory.WithBoardServicesAsync(Board, async services =>
        {
            var rights = services.GetRequiredService<PersonalDataRights>();
            return await rights.ExportAsync((await rights.SubjectAsync(person.Id))!);
        });
        var entries = export.Modules.SelectMany(m => m.Sections).Single(s => s.Title == "Audit log entries about you").Rows;
        Assert.DoesNotContain(entries, r => r[1] == "accounts.role.granted");
        Assert.Contains(entries, r => r[1] == "events.walk-in.added");

        await factory.WithBoardServicesAsync(Board, async services =>
        {
            var rights = services.GetRequiredService<PersonalDataRights>();
            await rights.EraseAsync((await rights.SubjectAsync(person.Id))!, byThemselves: false);
            return true;
        });
        var labels = await factory.WithBoardAsync(Board, db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "accounts.role.granted" || e.Action == "events.walk-in.added")
            .ToDictionaryAsync(e => e.Action, e => e.TargetLabel));
        Assert.Equal("Nadia Namesake", labels["accounts.role.granted"]);
        Assert.DoesNotContain("Nadia Namesake", labels["events.walk-in.added"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_account_and_shows_the_error_summary()
    {
        var person = await factory.CreatePractitionerAsync(Board, "Wanda Wrongpass", "wanda.wrongpass@school.example");
        var client = await factory.SignedInAsync(Board, person);

        var response = await client.SubmitFormAsync($"/{Board}/account/delete", new Dictionary<string, string> { ["Input.Password"] = "not my password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var summary = page.QuerySelector(".govuk-error-summary");
        Assert.NotNull(summary);
        Assert.Equal("#Input_Password", summary.QuerySelector("a")?.GetAttribute("href"));
        Assert.True(await factory.AccountExistsAsync(Board, person.Id));
        Assert.Empty(await EntriesAsync(Board, PersonalDataRights.AccountDeleted, person.Id));
    }

    [Fact]
    public async Task A_place_given_up_by_an_erased_account_is_offered_to_the_next_person_waiting()
    {
        var person = await factory.CreatePractitionerAsync(Board, "Felix Placeholder", "felix.placeholder@police.example");
        var eventId = await factory.CreateEventAsync(Board, capacity: 1, startsIn: TimeSpan.FromDays(30), now: factory.Clock.GetUtcNow().UtcDateTime);
        var booker = new Booker(person.Id, person.FullName, person.Email, "Police", LearningHub.Core.Taxonomies.Sector.Police, "Officer", "Norwich");
        Assert.Equal(BookingStatus.Confirmed, (await factory.BookAsync(Board, eventId, booker)).Booking!.Status);
        var waiting = (await factory.BookAsync(Board, eventId, EventsTestData.Person(901))).Booking!;
        Assert.Equal(BookingStatus.Waitlisted, waiting.Status);

        var client = await factory.SignedInAsync(Board, person);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/{Board}/account/delete",
            new Dictionary<string, string> { ["Input.Password"] = person.Password })).StatusCode);

        Assert.Equal(BookingStatus.Offered, (await factory.BookingAsync(Board, waiting.Reference)).Status);
    }

    private Task<ReachRow> ReachAsync(Records records) =>
        factory.WithBoardServicesAsync(Board, async services =>
            (await services.GetRequiredService<ReachReport>().ForAsync(records.From, records.To, factory.Clock.GetUtcNow().UtcDateTime)).Totals.All);

    private Task<int> AnonymousSubmissionsAsync(string formKey) =>
        factory.WithBoardAsync(Board, db => db.Set<FormSubmission>()
            .CountAsync(s => s.SubmittedUtc != null && db.Set<Form>().Any(f => f.Id == s.FormId && f.Key == formKey)));

    private Task<List<AuditEntry>> EntriesAsync(string board, string action, string targetId) =>
        factory.WithBoardAsync(board, db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action && e.TargetId == targetId).ToListAsync());

    /// <summary>Every text column of every table (from the schema itself, so a table added later is searched too) holding <paramref name="text"/>.</summary>
    private async Task<List<string>> TextColumnsHoldingAsync(string text)
    {
        var hits = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataPath, "learninghub.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("Bookings", tables);
        foreach (var table in tables)
        {
            var columns = new List<string>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT name, type FROM pragma_table_info('{table}')";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    if (reader.GetString(1).Contains("TEXT", StringComparison.OrdinalIgnoreCase))
                    {
                        columns.Add(reader.GetString(0));
                    }
                }
            }

            foreach (var column in columns)
            {
                await using var command = connection.CreateCommand();
                // LIKE is case-insensitive for ASCII in SQLite, which is what the search needs.
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" LIKE '%' || $text || '%'";
                command.Parameters.AddWithValue("$text", text);
                if ((long)(await command.ExecuteScalarAsync())! > 0)
                {
                    hits.Add($"{table}.{column}");
                }
            }
        }

        return hits;
    }
}
