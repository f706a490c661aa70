using System.Net;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Operations;

/// <summary>
/// Two app instances on one PostgreSQL database share their data-protection keys through it, so a
/// sign-in cookie issued by one is accepted by the other (each instance has its own data folder, so
/// without the shared keys the second could not read the cookie).
/// </summary>
public sealed class SharedKeysTests
{
    private const string Account = "practitioner@norfolk.demo";

    [PostgresFact]
    public async Task A_cookie_issued_by_one_node_signs_the_person_in_on_the_other()
    {
        var database = $"lh_keys_{Guid.NewGuid():N}"[..22];
        try
        {
            await using var first = new PostgresFactory(TestPostgres.ConnectionTo(database));
            _ = first.Server; // starts, migrates and seeds before the second node starts
            await using var second = new PostgresFactory(TestPostgres.ConnectionTo(database));
            _ = second.Server;
            var cookies = new System.Net.CookieContainer();
            var onFirst = first.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
            var onSecond = second.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
            Assert.Equal(HttpStatusCode.Redirect, (await onSecond.GetAsync("/norfolk/account")).StatusCode);

            await onFirst.SignInAsync("norfolk", Account);

            var details = await onSecond.GetDocumentAsync("/norfolk/account");
            Assert.Contains(Account, details.QuerySelector("main")!.InnerHtml);
            // A form served by the first node is accepted when posted to the second (antiforgery uses the keys too).
            var form = await onFirst.GetDocumentAsync("/norfolk/account/sign-out");
            var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var signOut = await onSecond.PostAsync("/norfolk/account/sign-out",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
            var keys = await first.WithBoardAsync("norfolk", db => db.DataProtectionKeys.CountAsync());
            Assert.Equal(1, keys);
            Assert.False(Directory.Exists(Path.Combine(first.DataPath, "keys")));
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }
}

/// <summary><c>DataProtection:Keys=Database</c> puts the key ring in the database on SQLite too, and not on disk.</summary>
public sealed class SqliteKeysInDatabaseTests(SqliteKeysInDatabaseTests.KeysInDatabaseFactory factory)
    : IClassFixture<SqliteKeysInDatabaseTests.KeysInDatabaseFactory>
{
    [Fact]
    public async Task Keys_are_rows_and_a_restarted_node_still_reads_its_cookies()
    {
        var cookies = new System.Net.CookieContainer();
        var client = factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");

        var xml = await factory.WithBoardAsync("norfolk", db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.Contains("<key ", Assert.Single(xml));
        Assert.False(Directory.Exists(Path.Combine(factory.DataPath, "keys")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/norfolk/account")).StatusCode);
    }

    public sealed class KeysInDatabaseFactory : LearningHubFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["DataProtection:Keys"] = "Database" };
    }
}
