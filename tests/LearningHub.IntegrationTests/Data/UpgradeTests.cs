using System.Net;
using System.Text.Json;
using LearningHub.Core;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Data;

/// <summary>
/// A database made by the migrations that existed before the provider-specific migration sets and the
/// EF Core key store (history up to <see cref="LastHandWrittenMigration"/>), with data in it, is upgraded
/// by the app on start and keeps that data; the data-protection key it holds, written by the project's
/// own key store of that time, still opens what it protected: an antiforgery cookie and form token the
/// app issued then (fixture) and a board's stored SMTP password.
/// </summary>
public sealed class UpgradeTests
{
    private const string LastHandWrittenMigration = "20261122000017_RoadshowCoversAndMediaRecipeKeys";

    /// <summary>The purpose the mail settings protect an SMTP password under (MailTransports); unchanged by design.</summary>
    private const string SmtpPasswordPurpose = "LearningHub.Notifications.SmtpPassword";

    private static readonly Guid BoardId = Guid.Parse("6d1b2f0e-3a7c-4f55-9a61-0b8c2d4e5f70");

    private static readonly Guid LinkedEventId = Guid.Parse("0c7f3e1a-5b2d-4e8f-9a10-2b3c4d5e6f71");

    [Fact]
    public async Task An_existing_SQLite_database_upgrades_and_keeps_its_data_and_keys()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "learninghub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataPath, "learninghub.db")}");
        await CreateAsBeforeAsync(settings);

        await using var factory = new UpgradedFactory(dataPath, new Dictionary<string, string?>());
        await AssertUpgradedAsync(factory);
    }

    [PostgresFact]
    public async Task An_existing_PostgreSQL_database_upgrades_and_keeps_its_data_and_keys()
    {
        var database = $"lh_upgrade_{Guid.NewGuid():N}"[..24];
        try
        {
            var connectionString = TestPostgres.ConnectionTo(database);
            await CreateAsBeforeAsync(new DatabaseSettings(DatabaseProvider.Postgres, connectionString));

            await using var factory = new UpgradedFactory(
                Path.Combine(Path.GetTempPath(), "learninghub-tests", Guid.NewGuid().ToString("N")),
                new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:LearningHub"] = connectionString });
            await AssertUpgradedAsync(factory);
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }

    /// <summary>The schema as the last hand-written migration left it, and rows written in that schema's terms.</summary>
    private static async Task CreateAsBeforeAsync(DatabaseSettings settings)
    {
        // Migrating to a named migration does not use the model, so no module contributes to it; the context
        // gets services of its own so that this partial model is not cached for the other tests' contexts.
        var options = new DbContextOptionsBuilder<LearningHubDbContext>().EnableServiceProviderCaching(false);
        settings.Configure(options);
        await using var db = new LearningHubDbContext(options.Options);
        await db.GetService<IMigrator>().MigrateAsync(LastHandWrittenMigration);
        Assert.Equal(LastHandWrittenMigration, (await db.Database.GetAppliedMigrationsAsync()).Last());

        var fixture = Fixture.Load();
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "Boards" ("Id", "Slug", "Name", "ShortName", "ContactEmail", "ThemeName", "WaitlistOfferHours",
                "ReminderDaysBefore", "CancellationCutoffWorkingDays", "FollowUpDays", "CreatedUtc")
            VALUES ({0}, 'upgrade-check', 'Upgrade Check Safeguarding Partnership', 'UCSP', 'learning@upgrade.example', 'base', 48, 2, 2, 14, {1})
            """,
            BoardId, new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc));
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "BoardMailSettings" ("Id", "BoardId", "Transport", "Host", "Port", "Security", "UserName", "ProtectedPassword", "FromAddress", "FromName")
            VALUES ({0}, {1}, 'Smtp', 'smtp.upgrade.example', 587, 'StartTls', 'learning@upgrade.example', {2}, 'learning@upgrade.example', 'Upgrade Check')
            """,
            Guid.NewGuid(), BoardId, fixture.ProtectedSmtpPassword);
        // An event linking modules in the comma-separated text the events table kept then (a key twice, odd spaces).
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "Events" ("Id", "BoardId", "Title", "Summary", "Format", "StartUtc", "EndUtc", "Capacity", "RequiresApproval",
                "WaitingListEnabled", "AudienceSectors", "LinkedModuleKeys", "AttendanceCountsTowardModules", "Status", "Revision", "CreatedUtc", "UpdatedUtc")
            VALUES ({0}, {1}, 'Linked before', '', 'InPerson', {2}, {2}, 10, FALSE, TRUE, '', 'case-y, case-r,case-y ,', FALSE, 'Draft', 0, {2}, {2})
            """,
            LinkedEventId, BoardId, new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc));
        foreach (var key in fixture.Keys)
        {
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES ({0}, {1})""", key.FriendlyName, key.Xml);
        }
    }

    private static async Task AssertUpgradedAsync(UpgradedFactory factory)
    {
        var fixture = Fixture.Load();
        _ = factory.Server; // starts: migrates to the newest migration, applies the boards' recipes

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningHubDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var board = await db.Boards.SingleAsync(b => b.Id == BoardId);
        Assert.Equal("upgrade-check", board.Slug);
        Assert.Equal("Upgrade Check Safeguarding Partnership", board.Name);
        var keys = await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync();
        Assert.Contains(fixture.Keys[0].FriendlyName, keys);

        // The mail settings row kept its values, and the password protected before the change still opens.
        var stored = await db.Database.SqlQueryRaw<string>(
                """SELECT "ProtectedPassword" AS "Value" FROM "BoardMailSettings" WHERE "BoardId" = {0}""", BoardId)
            .SingleAsync();
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(SmtpPasswordPurpose);
        Assert.Equal("smtp-password-before-the-ef-store", protector.Unprotect(stored));
        // MailOAuth's data step: a board that had a user name keeps signing in with its password.
        var authentication = await db.Database.SqlQueryRaw<string>(
                """SELECT "Authentication" AS "Value" FROM "BoardMailSettings" WHERE "BoardId" = {0}""", BoardId)
            .SingleAsync();
        Assert.Equal("Password", authentication);

        // RecommendationRecordAndEventLinks' data step: the comma-separated keys became link rows, in order, once each.
        var links = await db.Set<LearningHub.Events.Domain.EventLearningLink>().IgnoreQueryFilters()
            .Where(l => l.EventId == LinkedEventId).OrderBy(l => l.Position).ToListAsync();
        Assert.Equal(["case-y", "case-r"], links.Select(l => l.ModuleKey));
        Assert.All(links, l => Assert.Equal((BoardId, (string?)null), (l.BoardId, l.RecommendationNumber)));

        // An antiforgery cookie and token issued before the change: the form post passes antiforgery (a 400
        // otherwise) and reaches the sign-in check, which refuses the unknown account with its own message.
        var cookies = new CookieContainer();
        foreach (var cookie in fixture.AntiforgeryCookies)
        {
            cookies.Add(new Uri("http://localhost"), new Cookie(cookie.Name, cookie.Value, "/"));
        }

        var client = factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        var response = await client.PostAsync("/norfolk/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = fixture.FormToken,
            ["Input.Email"] = "nobody@upgrade.example",
            ["Input.Password"] = "not-a-password-1",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", await response.Content.ReadAsStringAsync());
    }

    private sealed class UpgradedFactory(string dataPath, IReadOnlyDictionary<string, string?> extra) : LearningHubFactory(dataPath)
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(extra)
        {
            ["DataProtection:Keys"] = "Database",
        };
    }

    /// <summary>
    /// Made on 2026-12-03 by the app as it was before this change (DataProtection:Keys=Database): the key row
    /// its own key store wrote, the antiforgery cookie and token of a GET of the sign-in page, and an SMTP
    /// password it protected. A throwaway test key (unencrypted, as keys are without a certificate).
    /// </summary>
    private sealed record Fixture(
        List<Fixture.KeyRow> Keys,
        List<Fixture.CookieValue> AntiforgeryCookies,
        string FormToken,
        string ProtectedSmtpPassword)
    {
        public sealed record KeyRow(string FriendlyName, string Xml);

        public sealed record CookieValue(string Name, string Value);

        public static Fixture Load() => JsonSerializer.Deserialize<Fixture>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "keys-before-ef-store.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}
