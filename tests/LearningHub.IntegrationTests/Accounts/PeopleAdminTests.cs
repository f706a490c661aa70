using System.Net;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Accounts;

public sealed class PeopleAdminTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private Task<string> UserIdAsync(string board, string email) =>
        factory.WithBoardAsync(board, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task Board_admin_lists_and_searches_the_boards_people_and_nobody_else_can()
    {
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("essex", "admin@essex.demo");
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("essex", "coordinator@essex.demo");

        var all = await admin.GetDocumentAsync("/essex/admin/people");
        var emails = all.QuerySelectorAll("tbody td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("practitioner@essex.demo", emails);
        Assert.DoesNotContain(emails, e => e.EndsWith("norfolk.demo", StringComparison.Ordinal));

        var found = await admin.GetDocumentAsync("/essex/admin/people?q=chris");
        Assert.Equal("Chris Coordinator", Assert.Single(found.QuerySelectorAll("tbody th")).TextContent.Trim());

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/essex/admin/people")).StatusCode);
    }

    [Fact]
    public async Task Giving_a_practitioner_the_coordinator_role_opens_the_coordinator_pages_to_them()
    {
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("essex", "admin@essex.demo");
        var id = await UserIdAsync("essex", "author@essex.demo");
        var author = factory.CreateBrowserClient();
        await author.SignInAsync("essex", "author@essex.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync("/essex/manage")).StatusCode);

        var saved = await admin.SubmitFormAsync($"/essex/admin/people/{id}", new Dictionary<string, string> { ["Roles"] = "Coordinator" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var again = factory.CreateBrowserClient();
        await again.SignInAsync("essex", "author@essex.demo");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/essex/manage")).StatusCode);
        var page = await admin.GetDocumentAsync($"/essex/admin/people/{id}");
        Assert.NotNull(page.QuerySelector("input[value=Coordinator][checked]"));
        Assert.Null(page.QuerySelector("input[value=Author][checked]"));
    }

    [Fact]
    public async Task A_board_admin_cannot_remove_their_own_admin_role()
    {
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("essex", "admin@essex.demo");
        var id = await UserIdAsync("essex", "admin@essex.demo");

        var response = await admin.SubmitFormAsync($"/essex/admin/people/{id}", new Dictionary<string, string> { ["Roles"] = "Author" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("#Roles", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#Roles"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/essex/admin/people")).StatusCode);
    }

    [Fact]
    public async Task Another_boards_person_cannot_be_read_or_changed_by_id()
    {
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("essex", "admin@essex.demo");
        var norfolkPerson = await UserIdAsync("norfolk", "practitioner@norfolk.demo");
        var essexPerson = await UserIdAsync("essex", "practitioner@essex.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/essex/admin/people/{norfolkPerson}")).StatusCode);
        var response = await admin.SubmitFormAsync($"/essex/admin/people/{essexPerson}",
            new Dictionary<string, string> { ["Roles"] = "BoardAdmin" }, action: $"/essex/admin/people/{norfolkPerson}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var roles = await factory.WithBoardAsync("norfolk", db =>
            db.UserRoles.Where(r => r.UserId == norfolkPerson).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal(["Practitioner"], roles);
    }
}
