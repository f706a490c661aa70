using System.Net;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Audit;

/// <summary>Each audited action of the host writes its entry with the change; failed changes write none; entries cannot change.</summary>
public sealed class AuditLogTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private Task<string> UserIdAsync(string board, string email) =>
        factory.WithBoardAsync(board, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<List<AuditEntry>> EntriesAsync(string board, string action, string? targetId = null) =>
        factory.WithBoardAsync(board, db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == action && (targetId == null || e.TargetId == targetId))
            .OrderBy(e => e.OccurredUtc).ToListAsync());

    private async Task<Dictionary<string, string>> RegistrationFormAsync(string board, string name, string email)
    {
        var (agency, locality) = await factory.WithBoardAsync(board, async db =>
            (await db.Agencies.OrderBy(a => a.SortOrder).Select(a => a.Id).FirstAsync(),
             await db.Localities.OrderBy(l => l.SortOrder).Select(l => l.Id).FirstAsync()));
        return new Dictionary<string, string>
        {
            ["Input.FullName"] = name,
            ["Input.Email"] = email,
            ["Input.AgencyId"] = agency.ToString(),
            ["Input.JobRole"] = "Health visitor",
            ["Input.LocalityId"] = locality.ToString(),
            ["Input.LineManagerEmail"] = "",
            ["Input.Password"] = "a long enough password",
            ["Input.ConfirmPassword"] = "a long enough password",
        };
    }

    [Fact]
    public async Task Changing_roles_writes_one_granted_or_revoked_entry_per_role_naming_the_admin_and_the_person()
    {
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        var adminId = await UserIdAsync("norfolk", "admin@norfolk.demo");
        var id = await UserIdAsync("norfolk", "practitioner@norfolk.demo");

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/norfolk/admin/people/{id}",
            new Dictionary<string, string> { ["Roles"] = "Author" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/norfolk/admin/people/{id}",
            new Dictionary<string, string> { ["Roles"] = "Coordinator" })).StatusCode);

        var granted = await EntriesAsync("norfolk", "accounts.role.granted", id);
        var revoked = await EntriesAsync("norfolk", "accounts.role.revoked", id);
        Assert.Equal(["{\"role\":\"Author\"}", "{\"role\":\"Coordinator\"}"], granted.Select(e => e.ChangesJson));
        Assert.Equal("{\"role\":\"Author\"}", Assert.Single(revoked).ChangesJson);
        Assert.All(granted.Concat(revoked), e =>
        {
            Assert.Equal(adminId, e.ActorUserId);
            Assert.Equal("Account", e.TargetType);
            Assert.False(string.IsNullOrEmpty(e.ActorName));
            Assert.False(string.IsNullOrEmpty(e.TargetLabel));
            Assert.False(string.IsNullOrEmpty(e.RequestId));
        });
    }

    [Fact]
    public async Task Registering_writes_an_account_created_entry_without_the_password()
    {
        var client = factory.CreateBrowserClient();
        var response = await client.SubmitFormAsync("/essex/account/register",
            await RegistrationFormAsync("essex", "Audrey Audit", "audrey@audit.example"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var id = await UserIdAsync("essex", "audrey@audit.example");
        var entry = Assert.Single(await EntriesAsync("essex", "accounts.account.created", id));
        Assert.Equal("Audrey Audit", entry.ActorName);
        Assert.Equal(id, entry.ActorUserId);
        Assert.Contains("audrey@audit.example", entry.ChangesJson);
        Assert.DoesNotContain("long enough", entry.ChangesJson);
    }

    [Fact]
    public async Task A_refused_registration_writes_no_entry()
    {
        var client = factory.CreateBrowserClient();
        // Refused for its password (an existing address is not refused on the page: its owner is mailed instead).
        var form = await RegistrationFormAsync("essex", "Dup Licate", "dup.licate@council.example");
        form["Input.Password"] = form["Input.ConfirmPassword"] = "password12";

        var response = await client.SubmitFormAsync("/essex/account/register", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = await factory.WithBoardAsync("essex", db => db.AuditEntries.Where(e => e.TargetLabel == "Dup Licate").CountAsync());
        Assert.Equal(0, entries);
    }

    [Fact]
    public async Task Editing_an_agency_writes_its_before_and_after()
    {
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("essex", "admin@essex.demo");
        var agency = await factory.WithBoardAsync("essex", db => db.Agencies.OrderBy(a => a.SortOrder).FirstAsync());

        var response = await admin.SubmitFormAsync($"/essex/admin/agencies/{agency.Id}/edit", new Dictionary<string, string>
        {
            ["Input.Name"] = agency.Name + " (renamed)",
            ["Input.Sector"] = agency.Sector.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single(await EntriesAsync("essex", "taxonomies.agency.updated", agency.Id.ToString()));
        Assert.Contains(agency.Name, entry.ChangesJson);
        Assert.Contains(agency.Name + " (renamed)", entry.ChangesJson);
    }

    [Fact]
    public async Task An_entry_recorded_with_a_change_that_fails_to_save_is_not_written()
    {
        var existingKey = await factory.WithBoardAsync("norfolk", db => db.Agencies.Select(a => a.Key).FirstAsync());

        await Assert.ThrowsAsync<DbUpdateException>(() => factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            services.GetRequiredService<AuditLog>().Record("taxonomies.agency.created", new AuditTarget("Agency", "failing", "Failing agency"));
            db.Agencies.Add(new Agency { Key = existingKey, Name = "Failing agency", Sector = Sector.Health }); // duplicate key
            return await db.SaveChangesAsync();
        }));

        Assert.Empty(await EntriesAsync("norfolk", "taxonomies.agency.created"));
    }

    [Fact]
    public async Task Entries_cannot_be_changed_or_deleted_through_the_app()
    {
        var id = await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var entry = services.GetRequiredService<AuditLog>().Record("tests.audit.recorded", new AuditTarget("Test", "1", "Original"));
            await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
            return entry.Id;
        });

        await Assert.ThrowsAsync<AuditLogIsAppendOnlyException>(() => factory.WithBoardAsync("norfolk", async db =>
        {
            (await db.AuditEntries.SingleAsync(e => e.Id == id)).TargetLabel = "Changed";
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<AuditLogIsAppendOnlyException>(() => factory.WithBoardAsync("norfolk", async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Id == id));
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<AuditLogIsAppendOnlyException>(() => factory.WithBoardAsync("norfolk", db =>
            db.AuditEntries.Where(e => e.Id == id).ExecuteDeleteAsync()));
        await Assert.ThrowsAsync<AuditLogIsAppendOnlyException>(() => factory.WithBoardAsync("norfolk", db =>
            db.AuditEntries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.TargetLabel, "Changed"))));
        await Assert.ThrowsAsync<AuditLogIsAppendOnlyException>(() => factory.WithBoardAsync("norfolk", db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"")));

        var label = await factory.WithBoardAsync("norfolk", db => db.AuditEntries.Where(e => e.Id == id).Select(e => e.TargetLabel).SingleAsync());
        Assert.Equal("Original", label);
    }

    [Fact]
    public async Task The_audit_page_searches_the_boards_entries_for_board_admins_only()
    {
        await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var audit = services.GetRequiredService<AuditLog>();
            audit.Record("tests.page.norfolk", new AuditTarget("Test", "n1", "Norfolk thing"));
            audit.Record("tests.page.other", new AuditTarget("Test", "n2", "Other thing"));
            return await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
        });
        await factory.WithBoardServicesAsync("essex", async services =>
        {
            services.GetRequiredService<AuditLog>().Record("tests.page.essex", new AuditTarget("Test", "e1", "Essex thing"));
            return await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
        });
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");

        var all = await admin.GetDocumentAsync("/norfolk/admin/audit?Filter.Action=tests.page");
        var actions = all.QuerySelectorAll("#audit-entries tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["tests.page.other", "tests.page.norfolk"], actions);

        var byTarget = await admin.GetDocumentAsync("/norfolk/admin/audit?Filter.Target=norfolk+THING");
        Assert.Equal("tests.page.norfolk", Assert.Single(byTarget.QuerySelectorAll("#audit-entries tbody tr td:nth-child(2)")).TextContent.Trim());

        var future = DateTime.UtcNow.AddDays(2);
        Assert.NotNull((await admin.GetDocumentAsync($"/norfolk/admin/audit?Filter.Action=tests.page&Filter.From.Day={future.Day}&Filter.From.Month={future.Month}&Filter.From.Year={future.Year}")).QuerySelector("#no-entries"));

        var bad = await admin.GetDocumentAsync("/norfolk/admin/audit?Filter.From.Day=31&Filter.From.Month=2&Filter.From.Year=2026");
        Assert.Equal("#Filter_From", bad.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal("The ‘from’ date must be a real date", bad.QuerySelector(".govuk-error-summary a")!.TextContent);
        Assert.Equal("31", bad.QuerySelector("[name='Filter.From.Day']")!.GetAttribute("value"));
        Assert.Equal("2", bad.QuerySelector("[name='Filter.From.Month']")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/norfolk/admin/audit")).StatusCode);
        Assert.Null(all.QuerySelector("main form[method=post]"));
    }

    [Fact]
    public async Task The_audit_page_moves_through_pages_of_fifty()
    {
        await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var audit = services.GetRequiredService<AuditLog>();
            for (var i = 0; i < 55; i++)
            {
                audit.Record("tests.paging", new AuditTarget("Test", $"p{i}", $"Paged thing {i}"));
            }

            return await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
        });
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");

        async Task<List<string>> TargetsAsync(string query) =>
            (await admin.GetDocumentAsync("/norfolk/admin/audit?Filter.Action=tests.paging" + query))
            .QuerySelectorAll("#audit-entries tbody tr td:nth-child(4)").Select(td => td.TextContent.Trim()).ToList();

        var first = await TargetsAsync("");
        var second = await TargetsAsync("&page=2");
        Assert.Equal(50, first.Count);
        Assert.Equal(5, second.Count);
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public async Task A_search_matching_more_than_it_counts_says_so_and_still_pages_to_the_oldest_entry()
    {
        const int matching = LearningHub.Web.Pages.Admin.Audit.IndexModel.CountLimit + 60;
        await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var audit = services.GetRequiredService<AuditLog>();
            for (var i = 0; i < matching; i++)
            {
                audit.Record("tests.counted", new AuditTarget("Test", $"c{i}", $"Counted thing {i}"));
            }

            return await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
        });
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");

        var first = await admin.GetDocumentAsync("/norfolk/admin/audit?Filter.Action=tests.counted");
        Assert.StartsWith($"More than {LearningHub.Web.Pages.Admin.Audit.IndexModel.CountLimit:N0} entries, page 1", first.QuerySelector("#audit-entries caption")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(first.QuerySelector(".govuk-pagination a[rel=prev]"));
        var next = first.QuerySelector(".govuk-pagination a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.Contains("Filter.Action=tests.counted", next, StringComparison.Ordinal);

        // The last page holds the last 10, and has no next page.
        var lastPage = (matching / 50) + 1;
        var last = await admin.GetDocumentAsync($"/norfolk/admin/audit?Filter.Action=tests.counted&page={lastPage}");
        Assert.Equal(10, last.QuerySelectorAll("#audit-entries tbody tr").Length);
        Assert.Null(last.QuerySelector(".govuk-pagination a[rel=next]"));
        Assert.NotNull(last.QuerySelector(".govuk-pagination a[rel=prev]"));

        // A search the limit counts in full says how many ("Counted thing 55" and 550 to 559).
        var counted = await admin.GetDocumentAsync("/norfolk/admin/audit?Filter.Target=counted+thing+55");
        Assert.Equal("11 entries", counted.QuerySelector("#audit-entries caption")!.TextContent.Trim());
    }
}
