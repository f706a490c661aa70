using System.Net;
using LearningHub.Core.Audit;
using LearningHub.Core.Privacy;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Privacy;

/// <summary>
/// Each privacy action writes its audit entry (the person or the administrator as actor), an administrator
/// acts only on their own board's people, and an erasure may blank a person's name in old entries but
/// nothing else about an entry.
/// </summary>
public sealed class PrivacyAuditTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private Task<string> UserIdAsync(string board, string email) =>
        factory.WithBoardAsync(board, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<List<AuditEntry>> EntriesAsync(string board, string action, string targetId) =>
        factory.WithBoardAsync(board, db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == action && e.TargetId == targetId).OrderBy(e => e.OccurredUtc).ToListAsync());

    private static async Task DownloadAsync(HttpClient client, string url)
    {
        var response = await client.SubmitFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Downloading_and_viewing_their_own_data_writes_export_entries_with_them_as_actor()
    {
        var person = await factory.CreatePractitionerAsync("norfolk", "Ottilie Ownexport", "ottilie.ownexport@council.example");
        var client = await factory.SignedInAsync("norfolk", person);

        await DownloadAsync(client, "/norfolk/account/your-data");
        var page = await client.GetDocumentAsync("/norfolk/account/your-data/view");

        Assert.Contains("A copy of your data", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(person.Email, page.QuerySelector("main")!.TextContent);
        var entries = await EntriesAsync("norfolk", PersonalDataRights.ExportDownloaded, person.Id);
        Assert.Equal(["{\"format\":\"json\"}", "{\"format\":\"html\"}"], entries.Select(e => e.ChangesJson));
        Assert.All(entries, e => Assert.Equal(person.Id, e.ActorUserId));
    }

    [Fact]
    public async Task An_admin_downloading_a_persons_data_writes_the_same_action_with_the_admin_as_actor()
    {
        var person = await factory.CreatePractitionerAsync("norfolk", "Aldous Adminexport", "aldous.adminexport@council.example");
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        var adminId = await UserIdAsync("norfolk", "admin@norfolk.demo");

        var personPage = await admin.GetDocumentAsync($"/norfolk/admin/people/{person.Id}");
        Assert.NotNull(personPage.QuerySelector($"a[href='/norfolk/admin/people/{person.Id}/data']"));
        var page = await admin.GetDocumentAsync($"/norfolk/admin/people/{person.Id}/data");
        Assert.Contains(person.FullName, page.QuerySelector("h1")!.TextContent);
        await DownloadAsync(admin, $"/norfolk/admin/people/{person.Id}/data");

        // The page viewed, viewed again (the download's form is on it), then the file downloaded.
        var entries = await EntriesAsync("norfolk", PersonalDataRights.ExportDownloaded, person.Id);
        Assert.Equal(["{\"format\":\"html\"}", "{\"format\":\"html\"}", "{\"format\":\"json\"}"], entries.Select(e => e.ChangesJson));
        Assert.All(entries, e => Assert.Equal(adminId, e.ActorUserId));
    }

    [Fact]
    public async Task Deleting_their_own_account_writes_an_entry_that_holds_no_personal_data()
    {
        var person = await factory.CreatePractitionerAsync("essex", "Delphine Selfdelete", "delphine.selfdelete@council.example");
        var client = await factory.SignedInAsync("essex", person);

        var response = await client.SubmitFormAsync("/essex/account/delete", new Dictionary<string, string> { ["Input.Password"] = person.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single(await EntriesAsync("essex", PersonalDataRights.AccountDeleted, person.Id));
        var text = $"{entry.ActorName} {entry.TargetLabel} {entry.ChangesJson}";
        Assert.DoesNotContain("Delphine", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("selfdelete", text, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("removed person #", entry.TargetLabel, StringComparison.Ordinal);
        Assert.False(await factory.AccountExistsAsync("essex", person.Id));
    }

    [Fact]
    public async Task An_admin_erasing_an_account_after_the_confirmation_step_writes_an_erased_entry_and_keeps_older_entries_without_the_name()
    {
        var person = await factory.CreatePractitionerAsync("norfolk", "Ezekiel Erasedbyadmin", "ezekiel.erased@council.example");
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        var adminId = await UserIdAsync("norfolk", "admin@norfolk.demo");
        // An earlier entry about them: kept after the erasure, with their name replaced.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/norfolk/admin/people/{person.Id}",
            new Dictionary<string, string> { ["Roles"] = "Author" })).StatusCode);

        var confirm = await admin.GetDocumentAsync($"/norfolk/admin/people/{person.Id}/erase");
        Assert.Contains(person.FullName, confirm.QuerySelector("h1")!.TextContent);
        Assert.True(await factory.AccountExistsAsync("norfolk", person.Id), "the confirmation page alone erases nothing");
        var response = await admin.SubmitFormAsync($"/norfolk/admin/people/{person.Id}/erase", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.AccountExistsAsync("norfolk", person.Id));
        var erased = Assert.Single(await EntriesAsync("norfolk", PersonalDataRights.AccountErased, person.Id));
        Assert.Equal(adminId, erased.ActorUserId);
        var granted = Assert.Single(await EntriesAsync("norfolk", "accounts.role.granted", person.Id));
        Assert.Equal("{\"role\":\"Author\"}", granted.ChangesJson);
        Assert.StartsWith("removed person #", granted.TargetLabel, StringComparison.Ordinal);
        Assert.Equal(adminId, granted.ActorUserId);
    }

    [Fact]
    public async Task An_admin_of_another_board_can_neither_see_nor_erase_a_person()
    {
        var person = await factory.CreatePractitionerAsync("norfolk", "Nora Norfolkonly", "nora.norfolkonly@council.example");
        var essexAdmin = factory.CreateBrowserClient();
        await essexAdmin.SignInAsync("essex", "admin@essex.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await essexAdmin.GetAsync($"/essex/admin/people/{person.Id}/data")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await essexAdmin.GetAsync($"/essex/admin/people/{person.Id}/erase")).StatusCode);
        // A POST with a valid token from an Essex page, aimed at the Norfolk person: still not found.
        var ownId = await UserIdAsync("essex", "practitioner@essex.demo");
        var post = await essexAdmin.SubmitFormAsync($"/essex/admin/people/{ownId}/erase", new Dictionary<string, string>(),
            $"/essex/admin/people/{person.Id}/erase");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var download = await essexAdmin.SubmitFormAsync($"/essex/admin/people/{ownId}/data", new Dictionary<string, string>(),
            $"/essex/admin/people/{person.Id}/data?handler=Download");
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        // And the Norfolk pages are not theirs to open.
        Assert.NotEqual(HttpStatusCode.OK, (await essexAdmin.GetAsync($"/norfolk/admin/people/{person.Id}/data")).StatusCode);

        Assert.True(await factory.AccountExistsAsync("norfolk", person.Id));
        Assert.Empty(await EntriesAsync("essex", PersonalDataRights.ExportDownloaded, person.Id));
        Assert.Empty(await EntriesAsync("norfolk", PersonalDataRights.ExportDownloaded, person.Id));
    }

    [Fact]
    public async Task A_practitioner_cannot_open_the_admin_privacy_pages()
    {
        var person = await factory.CreatePractitionerAsync("norfolk", "Percy Plainuser", "percy.plainuser@council.example");
        var client = await factory.SignedInAsync("norfolk", person);
        var other = await UserIdAsync("norfolk", "practitioner@norfolk.demo");

        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/norfolk/admin/people/{other}/data")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/norfolk/admin/people/{other}/erase")).StatusCode);
    }

    [Fact]
    public async Task Redacting_an_entry_may_change_only_its_name_fields()
    {
        var entryId = await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var entry = services.GetRequiredService<AuditLog>().Record("accounts.role.granted", new AuditTarget("Account", "someone", "Gideon Guarded"));
            await services.GetRequiredService<LearningHub.Core.Data.LearningHubDbContext>().SaveChangesAsync();
            return entry.Id;
        });

        await Assert.ThrowsAsync<AuditLogIsAppendOnlyException>(() => factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHub.Core.Data.LearningHubDbContext>();
            var entry = await db.AuditEntries.SingleAsync(e => e.Id == entryId);
            entry.RemovePersonalData(text => text?.Replace("Gideon Guarded", "removed person #x", StringComparison.Ordinal));
            entry.Action = "accounts.role.revoked";
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<AuditLogIsAppendOnlyException>(() => factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHub.Core.Data.LearningHubDbContext>();
            var entry = await db.AuditEntries.SingleAsync(e => e.Id == entryId);
            entry.TargetLabel = "changed without RemovePersonalData";
            return await db.SaveChangesAsync();
        }));

        var unchanged = await factory.WithBoardAsync("norfolk", db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == entryId));
        Assert.Equal("Gideon Guarded", unchanged.TargetLabel);
        Assert.Equal("accounts.role.granted", unchanged.Action);
    }

    [Fact]
    public async Task The_only_board_administrator_cannot_delete_their_account_or_erase_it_from_the_people_pages()
    {
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("essex", "admin@essex.demo");
        var adminId = await UserIdAsync("essex", "admin@essex.demo");

        var erase = await admin.SubmitFormAsync($"/essex/admin/people/{adminId}/erase", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.NotNull((await erase.ParseAsync()).QuerySelector(".govuk-error-summary"));

        var delete = await admin.SubmitFormAsync("/essex/account/delete", new Dictionary<string, string> { ["Input.Password"] = LearningHubFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Contains("only board administrator", (await delete.ParseAsync()).QuerySelector(".govuk-error-summary")!.TextContent);

        Assert.True(await factory.AccountExistsAsync("essex", adminId));
        Assert.Empty(await EntriesAsync("essex", PersonalDataRights.AccountDeleted, adminId));
        Assert.Empty(await EntriesAsync("essex", PersonalDataRights.AccountErased, adminId));
    }

    [Fact]
    public async Task Erasure_blanks_mail_naming_the_person_to_others_but_not_a_namesakes_own_mail()
    {
        var person = await factory.CreatePractitionerAsync("norfolk", "Marigold Sharedname", "marigold.one@council.example");
        await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var queue = services.GetRequiredService<LearningHub.Notifications.Services.MailQueue>();
            await queue.EnqueueAsync("test:manager-copy", "events.approval-request", new LearningHub.Notifications.Services.OutgoingMail(
                "boss@council.example", "", "Approve a place", "Marigold Sharedname asked for a place.", "<p>Marigold Sharedname asked for a place.</p>"),
                DateTime.UtcNow.AddDays(3));
            await queue.EnqueueAsync("test:namesake", "events.booking-confirmed", new LearningHub.Notifications.Services.OutgoingMail(
                "marigold.two@school.example", "Marigold Sharedname", "Your place", "Dear Marigold Sharedname", "<p>Dear Marigold Sharedname</p>"),
                DateTime.UtcNow.AddDays(3));
            await services.GetRequiredService<LearningHub.Core.Data.LearningHubDbContext>().SaveChangesAsync();
            return true;
        });

        await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var rights = services.GetRequiredService<PersonalDataRights>();
            await rights.EraseAsync((await rights.SubjectAsync(person.Id))!, byThemselves: false);
            return true;
        });

        var mails = await factory.WithBoardAsync("norfolk", db => db.Set<LearningHub.Notifications.Domain.OutboxMessage>().AsNoTracking()
            .Where(m => m.DedupeKey.StartsWith("test:")).ToDictionaryAsync(m => m.DedupeKey));
        Assert.Equal(("", "", LearningHub.Notifications.Domain.OutboxStatus.Cancelled),
            (mails["test:manager-copy"].ToAddress, mails["test:manager-copy"].TextBody, mails["test:manager-copy"].Status));
        Assert.Equal(("marigold.two@school.example", "Dear Marigold Sharedname", LearningHub.Notifications.Domain.OutboxStatus.Pending),
            (mails["test:namesake"].ToAddress, mails["test:namesake"].TextBody, mails["test:namesake"].Status));
    }
}
