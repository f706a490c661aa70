using System.Net;
using LearningHub.Core.Taxonomies;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Boards;

/// <summary>A user of one board cannot read or change another board's data, even by guessing ids.</summary>
public sealed class BoardIsolationTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private Task<Agency> NorfolkConstabularyAsync() =>
        factory.WithBoardAsync("norfolk", db => db.Agencies.AsNoTracking().SingleAsync(a => a.Key == "norfolk-constabulary"));

    [Fact]
    public async Task Essex_admin_cannot_read_a_Norfolk_agency_by_id()
    {
        var norfolkAgency = await NorfolkConstabularyAsync();
        var essexAdmin = factory.CreateBrowserClient();
        await essexAdmin.SignInAsync("essex", "admin@essex.demo");

        var response = await essexAdmin.GetAsync($"/essex/admin/agencies/{norfolkAgency.Id}/edit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Norfolk Constabulary", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Essex_admin_cannot_change_a_Norfolk_agency_by_id()
    {
        var norfolkAgency = await NorfolkConstabularyAsync();
        var essexAdmin = factory.CreateBrowserClient();
        await essexAdmin.SignInAsync("essex", "admin@essex.demo");
        var essexAgencyId = await factory.WithBoardAsync("essex", db => db.Agencies.Select(a => a.Id).FirstAsync());

        // A valid form and token from an Essex page, posted at the Norfolk agency's id.
        var response = await essexAdmin.SubmitFormAsync($"/essex/admin/agencies/{essexAgencyId}/edit",
            new Dictionary<string, string> { ["Input.Name"] = "Taken over", ["Input.Sector"] = "Police" },
            action: $"/essex/admin/agencies/{norfolkAgency.Id}/edit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Norfolk Constabulary", (await NorfolkConstabularyAsync()).Name);
    }

    [Fact]
    public async Task Board_admin_can_change_their_own_boards_agency()
    {
        var essexAdmin = factory.CreateBrowserClient();
        await essexAdmin.SignInAsync("essex", "admin@essex.demo");
        var agency = await factory.WithBoardAsync("essex", db => db.Agencies.AsNoTracking().SingleAsync(a => a.Key == "gp-practices"));

        var response = await essexAdmin.SubmitFormAsync($"/essex/admin/agencies/{agency.Id}/edit",
            new Dictionary<string, string> { ["Input.Name"] = "GP practices (Essex)", ["Input.Sector"] = "Health" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithBoardAsync("essex", db => db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agency.Id));
        Assert.Equal("GP practices (Essex)", saved.Name);
    }

    [Fact]
    public async Task A_Norfolk_sign_in_cookie_is_not_accepted_on_Essex_pages()
    {
        var cookie = await SignInCookieAsync("admin@norfolk.demo");

        // Replay the Norfolk cookie on an Essex page (a browser would not even send it: its path is /norfolk).
        var request = new HttpRequestMessage(HttpMethod.Get, "/essex/manage");
        request.Headers.Add("Cookie", cookie);
        var response = await factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/essex/account/sign-in", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_scoped_to_its_boards_path()
    {
        var response = await SignInResponseAsync("coordinator@norfolk.demo");

        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lh.account=", StringComparison.Ordinal));
        Assert.Contains("path=/norfolk", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_Norfolk_account_cannot_sign_in_on_Essex()
    {
        var response = await factory.CreateBrowserClient().SubmitFormAsync("/essex/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@norfolk.demo",
            ["Input.Password"] = LearningHubFactory.DemoPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.ParseAsync()).QuerySelector(".govuk-error-summary"));
    }

    [Fact]
    public async Task Queries_and_saves_are_scoped_to_the_current_board()
    {
        var norfolkAgency = await NorfolkConstabularyAsync();

        var seenFromEssex = await factory.WithBoardAsync("essex", db => db.Agencies.FindAsync(norfolkAgency.Id).AsTask());
        Assert.Null(seenFromEssex);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithBoardAsync("essex", async db =>
        {
            db.Agencies.Update(new Agency { Id = norfolkAgency.Id, BoardId = norfolkAgency.BoardId, Key = norfolkAgency.Key, Name = "Renamed" });
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("another board", error.Message);
    }

    private async Task<HttpResponseMessage> SignInResponseAsync(string email) =>
        await factory.CreateBrowserClient().SubmitFormAsync("/norfolk/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = LearningHubFactory.DemoPassword,
        });

    private async Task<string> SignInCookieAsync(string email)
    {
        var response = await SignInResponseAsync(email);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lh.account=", StringComparison.Ordinal)).Split(';')[0];
    }
}
