using System.Net;
using LearningHub.Core.Accounts;
using LearningHub.Core.Audit;
using LearningHub.E2E.Infrastructure;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.IntegrationTests.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Accounts;

/// <summary>
/// Signing in with a work account through a real OpenID provider (tests/oidc-provider, the npm package
/// oidc-provider), not a mock: Norfolk offers "nhs" (its client) and Essex "police" (its own client).
/// </summary>
public sealed class IdentityProviderSignInTests(IdentityProviderFixture fixture) : IClassFixture<IdentityProviderFixture>, IAsyncLifetime
{
    private LearningHubFactory Factory => fixture.Factory;

    private OidcTestProvider Provider => fixture.Provider;

    public async Task InitializeAsync()
    {
        await fixture.AddProviderAsync("norfolk", "nhs");
        await fixture.AddProviderAsync("essex", "police");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<ApplicationUser?> AccountAsync(string board, string email) =>
        Factory.WithBoardAsync(board, db => db.Users.SingleOrDefaultAsync(u => u.Email == email));

    private static string PathOf(HttpResponseMessage response) => response.RequestMessage!.RequestUri!.AbsolutePath;

    private static async Task<string> TextAsync(HttpResponseMessage response) => (await response.ParseAsync()).QuerySelector("main")!.TextContent;

    [Fact]
    public async Task First_sign_in_creates_the_account_and_asks_for_the_profile_before_anything_else_and_a_second_finds_the_same_account()
    {
        var email = "alex.nurse@nhs.test";
        var browser = Factory.CreateBrowserClient();
        var signIn = await browser.GetDocumentAsync("/norfolk/account/sign-in");
        Assert.Contains(signIn.QuerySelectorAll("main a.govuk-button"), a => a.TextContent == "Sign in with your NHS account");

        var landed = await browser.SignInThroughProviderAsync(Provider, "norfolk", "nhs", email, returnUrl: "/norfolk/events");

        Assert.Equal("/norfolk/account/complete-profile", PathOf(landed));
        var account = await AccountAsync("norfolk", email);
        Assert.NotNull(account);
        Assert.Equal("Alex Nurse", account.FullName);
        Assert.True(account.EmailConfirmed);
        Assert.Null(account.PasswordHash);
        Assert.Null(account.AgencyId);

        // Before anything else: any other page sends them back to the profile, and back again after.
        var elsewhere = await browser.GetAsync("/norfolk/events");
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.StartsWith("/norfolk/account/complete-profile", elsewhere.Headers.Location!.OriginalString);

        var profile = await browser.GetDocumentAsync(landed.RequestMessage!.RequestUri!.PathAndQuery);
        var agency = profile.QuerySelectorAll("#Input_AgencyId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        var locality = profile.QuerySelectorAll("#Input_LocalityId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        var saved = await browser.SubmitFormAsync(landed.RequestMessage!.RequestUri!.PathAndQuery, new Dictionary<string, string>
        {
            ["returnUrl"] = "/norfolk/events",
            ["Input.FullName"] = "Alex Nurse",
            ["Input.AgencyId"] = agency,
            ["Input.JobRole"] = "Health visitor",
            ["Input.LocalityId"] = locality,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/norfolk/events", saved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/norfolk/events")).StatusCode);

        // A second sign-in, in another browser, finds the same account and goes straight in.
        var again = await Factory.CreateBrowserClient().SignInThroughProviderAsync(Provider, "norfolk", "nhs", email);
        Assert.Equal("/norfolk", PathOf(again).TrimEnd('/'));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var logins = await Factory.WithBoardAsync("norfolk", db => db.UserLogins.Where(l => l.UserId == account.Id).ToListAsync());
        var login = Assert.Single(logins);
        Assert.Equal(("oidc:norfolk:nhs", "alex"), (login.LoginProvider, login.ProviderKey));
        Assert.Equal(1, await Factory.WithBoardAsync("norfolk", db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Theory]
    [InlineData("casey.unverified@nhs.test", "Your work account has no confirmed email address")]
    [InlineData("drew@elsewhere.test", "Your email address cannot be used with this sign-in")]
    public async Task An_unverified_email_or_a_domain_the_provider_is_not_for_is_refused_with_a_clear_page(string email, string heading)
    {
        var browser = Factory.CreateBrowserClient();

        var landed = await browser.SignInThroughProviderAsync(Provider, "norfolk", "nhs", email);

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/norfolk/account/oidc/refused", PathOf(landed));
        var page = await landed.ParseAsync();
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/norfolk/account/sign-in']"));
        Assert.Null(await AccountAsync("norfolk", email));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/norfolk/account")).StatusCode);
    }

    [Fact]
    public async Task Cancelling_at_the_provider_ends_on_a_clear_page()
    {
        var browser = Factory.CreateBrowserClient();
        using var person = new ProviderBrowser(Provider);

        var back = await person.SignInAsync(await browser.StartAsync("norfolk", "nhs"), "blake.visitor@nhs.test", cancel: true);
        var landed = await browser.FollowAsync(back);

        Assert.Equal("/norfolk/account/oidc/refused", PathOf(landed));
        Assert.Contains("You did not finish signing in", await TextAsync(landed));
    }

    [Fact]
    public async Task A_tampered_state_is_refused_with_a_clear_page_and_nobody_is_signed_in()
    {
        var browser = Factory.CreateBrowserClient();
        using var person = new ProviderBrowser(Provider);
        var back = await person.SignInAsync(await browser.StartAsync("norfolk", "nhs"), "blake.visitor@nhs.test");
        var query = System.Web.HttpUtility.ParseQueryString(back.Query);
        var state = query["state"]!;
        query["state"] = state[..^4] + (state[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var landed = await browser.FollowAsync(new Uri($"{back.GetLeftPart(UriPartial.Path)}?{query}"));

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/norfolk/account/oidc/refused", PathOf(landed));
        Assert.Contains("You could not be signed in", await TextAsync(landed));
        Assert.Null(await AccountAsync("norfolk", "blake.visitor@nhs.test"));
    }

    [Fact]
    public async Task A_code_issued_to_another_boards_client_is_refused()
    {
        // Essex's client's code, brought to Norfolk's callback with Norfolk's own state: Norfolk redeems it as its
        // client, and the provider refuses it (nor would Norfolk accept an ID token whose audience is Essex's client).
        var norfolk = Factory.CreateBrowserClient();
        var essex = Factory.CreateBrowserClient();
        using var person = new ProviderBrowser(Provider);
        var norfolkBack = await person.SignInAsync(await norfolk.StartAsync("norfolk", "nhs"), "blake.visitor@nhs.test");
        var essexBack = await person.SignInAsync(await essex.StartAsync("essex", "police"), "blake.visitor@nhs.test");
        var norfolkQuery = System.Web.HttpUtility.ParseQueryString(norfolkBack.Query);
        norfolkQuery["code"] = System.Web.HttpUtility.ParseQueryString(essexBack.Query)["code"];

        var landed = await norfolk.FollowAsync(new Uri($"{norfolkBack.GetLeftPart(UriPartial.Path)}?{norfolkQuery}"));

        Assert.Equal("/norfolk/account/oidc/refused", PathOf(landed));
        Assert.Null(await AccountAsync("norfolk", "blake.visitor@nhs.test"));
    }

    [Fact]
    public async Task Norfolks_provider_cannot_be_used_to_sign_in_on_Essex()
    {
        var browser = Factory.CreateBrowserClient();
        var essexSignIn = await browser.GetDocumentAsync("/essex/account/sign-in");
        var buttons = essexSignIn.QuerySelectorAll("main a.govuk-button").Select(a => a.TextContent).ToList();
        Assert.Equal(["Sign in with your POLICE account"], buttons);

        // Norfolk's provider is not there on Essex: neither its button's address nor its callback.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/essex/account/oidc/nhs/sign-in")).StatusCode);
        using var person = new ProviderBrowser(Provider);
        var back = await person.SignInAsync(await browser.StartAsync("norfolk", "nhs"), "blake.visitor@nhs.test");
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(back.PathAndQuery.Replace("/norfolk/", "/essex/"))).StatusCode);

        // Nor does Norfolk's answer sign in through Essex's own provider's callback: the state is Norfolk's scheme's.
        var atEssex = await browser.FollowAsync(new Uri("http://localhost" + back.PathAndQuery.Replace("/norfolk/account/oidc/nhs/", "/essex/account/oidc/police/")));
        Assert.Equal("/essex/account/oidc/refused", PathOf(atEssex));
        Assert.Null(await AccountAsync("essex", "blake.visitor@nhs.test"));
        Assert.Null(await AccountAsync("norfolk", "blake.visitor@nhs.test"));
    }

    [Fact]
    public async Task A_domain_that_must_use_the_provider_cannot_sign_in_with_a_local_password()
    {
        var person = await Factory.CreatePractitionerAsync("norfolk", "Gale Must", "gale.must@must.test");
        var browser = Factory.CreateBrowserClient();
        await browser.SignInAsync("norfolk", person.Email, person.Password);
        await fixture.AddProviderAsync("norfolk", "police", mustUse: true, domain: "must.test");

        var refused = await Factory.CreateBrowserClient().SubmitFormAsync("/norfolk/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = person.Password,
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Contains("use the button 'Sign in with your POLICE account' instead of a password", page.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal(person.Email, page.QuerySelector("#Input_Email")!.GetAttribute("value"));
        // Nor can a password account be made for that domain.
        var register = await Factory.CreateBrowserClient().SubmitFormAsync("/norfolk/account/register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Robin Register",
            ["Input.Email"] = "robin.register@must.test",
        });
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Contains("use the button 'Sign in with your POLICE account' on the sign-in page", (await register.ParseAsync()).QuerySelector(".govuk-error-summary")!.TextContent);

        // Other domains still sign in with their password.
        var other = await Factory.CreatePractitionerAsync("norfolk", "Pat Password", "pat.password@council.example");
        await Factory.CreateBrowserClient().SignInAsync("norfolk", other.Email, other.Password);
    }

    [Fact]
    public async Task An_existing_local_account_with_the_same_email_is_linked_only_after_its_password_is_given()
    {
        var local = await Factory.CreatePractitionerAsync("norfolk", "Ellis Linked", "ellis.linked@nhs.test");
        var browser = Factory.CreateBrowserClient();

        var landed = await browser.SignInThroughProviderAsync(Provider, "norfolk", "nhs", local.Email);

        Assert.Equal("/norfolk/account/oidc/link", PathOf(landed));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/norfolk/account")).StatusCode);
        var wrong = await browser.SubmitFormAsync("/norfolk/account/oidc/link", new Dictionary<string, string> { ["Password"] = "not the password at all" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.NotNull((await wrong.ParseAsync()).QuerySelector(".govuk-error-summary"));
        Assert.Empty(await Factory.WithBoardAsync("norfolk", db => db.UserLogins.Where(l => l.UserId == local.Id).ToListAsync()));

        var linked = await browser.SubmitFormAsync("/norfolk/account/oidc/link", new Dictionary<string, string> { ["Password"] = local.Password });

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/norfolk/account")).StatusCode);
        var again = await Factory.CreateBrowserClient().SignInThroughProviderAsync(Provider, "norfolk", "nhs", local.Email);
        Assert.Equal("/norfolk", PathOf(again).TrimEnd('/'));
        Assert.Contains(await Factory.WithBoardAsync("norfolk", db => db.AuditEntries.Select(e => e.Action).ToListAsync()), a => a == "accounts.identity-provider.linked");
    }

    [Fact]
    public async Task Signing_out_signs_out_here_and_offers_the_providers_sign_out()
    {
        var browser = Factory.CreateBrowserClient();
        await browser.SignInThroughProviderAsync(Provider, "norfolk", "nhs", "frankie.browser@nhs.test");

        var signedOut = await browser.SubmitFormAsync("/norfolk/account/sign-out", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var page = await browser.GetDocumentAsync(signedOut.Headers.Location!.OriginalString);
        var there = page.QuerySelector("main a.govuk-button")!.GetAttribute("href")!;
        Assert.Equal("/norfolk/account/oidc/nhs/sign-out", there);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/norfolk/account")).StatusCode);
        var endSession = await browser.GetAsync(there);
        Assert.Equal(HttpStatusCode.Redirect, endSession.StatusCode);
        var location = endSession.Headers.Location!;
        Assert.StartsWith(Provider.Issuer + "/session/end", location.AbsoluteUri);
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal(OidcTestProvider.NorfolkClientId, query["client_id"]);
        Assert.Equal("http://localhost/norfolk/account/oidc/nhs/signed-out", query["post_logout_redirect_uri"]);
    }
}
