using System.Net;
using LearningHub.Core.Audit;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.IntegrationTests.Privacy;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Accounts;

/// <summary>
/// Sign-in sessions live on the server: signing out, a password change and erasure end them, so a copy of
/// the sign-in cookie stops working at once rather than when the cookie expires.
/// </summary>
public sealed class AccountSessionTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private static readonly Uri Site = new("http://localhost");

    private (HttpClient Client, CookieContainer Cookies) Browser()
    {
        var cookies = new CookieContainer();
        return (factory.CreateDefaultClient(Site, new CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>A second browser holding a copy of <paramref name="cookies"/> (as someone who stole them would).</summary>
    private HttpClient CopyOf(CookieContainer cookies)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetAllCookies())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return factory.CreateDefaultClient(Site, new CookieContainerHandler(copy));
    }

    private static async Task<HttpStatusCode> DetailsStatusAsync(HttpClient client) => (await client.GetAsync("/norfolk/account")).StatusCode;

    /// <summary>Whether the board's home page (which reads the person only from the cookie) shows them signed in.</summary>
    private static async Task<bool> SignedInAsync(HttpClient client) =>
        (await client.GetDocumentAsync("/norfolk")).QuerySelector(".lh-header__signed-in") is not null;

    [Fact]
    public async Task Signing_out_ends_the_session_so_a_copied_cookie_is_refused()
    {
        var person = await factory.CreatePractitionerAsync("norfolk", "Sian Signout", "sian.signout@council.example");
        var (browser, cookies) = Browser();
        await browser.SignInAsync("norfolk", person.Email, person.Password);
        var copy = CopyOf(cookies);
        Assert.Equal(HttpStatusCode.OK, await DetailsStatusAsync(copy));

        var signedOut = await browser.SubmitFormAsync("/norfolk/account/sign-out", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await DetailsStatusAsync(copy));
        Assert.Equal(HttpStatusCode.Redirect, await DetailsStatusAsync(browser));
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var person = await factory.CreatePractitionerAsync("norfolk", "Cai Changer", "cai.changer@council.example");
        var (here, _) = Browser();
        await here.SignInAsync("norfolk", person.Email, person.Password);
        var (elsewhere, _) = Browser();
        await elsewhere.SignInAsync("norfolk", person.Email, person.Password);

        var changed = await here.SubmitFormAsync("/norfolk/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = person.Password,
            ["Input.NewPassword"] = "granite orchard lantern",
            ["Input.ConfirmPassword"] = "granite orchard lantern",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var details = await here.GetDocumentAsync("/norfolk/account");
        Assert.Contains("Your password has been changed", details.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, await DetailsStatusAsync(elsewhere));
        await factory.CreateBrowserClient().SignInAsync("norfolk", person.Email, "granite orchard lantern");
        var entry = await factory.WithBoardAsync("norfolk", db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Action == AccountPasswords.Changed && e.TargetId == person.Id));
        Assert.Equal(person.Id, entry.ActorUserId);
        Assert.Equal("{\"otherSessionsEnded\":1}", entry.ChangesJson);
    }

    [Fact]
    public async Task Change_password_errors_are_shown_in_the_summary_and_nothing_changes()
    {
        var person = await factory.CreatePractitionerAsync("norfolk", "Wyn Wrongold", "wyn.wrongold@council.example");
        var (client, _) = Browser();
        await client.SignInAsync("norfolk", person.Email, person.Password);

        var wrongOld = await (await client.SubmitFormAsync("/norfolk/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not my password at all",
            ["Input.NewPassword"] = "granite orchard lantern",
            ["Input.ConfirmPassword"] = "granite orchard lantern",
        })).ParseAsync();
        var weak = await (await client.SubmitFormAsync("/norfolk/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = person.Password,
            ["Input.NewPassword"] = "password12",
            ["Input.ConfirmPassword"] = "password12",
        })).ParseAsync();

        Assert.Equal(["#Input_CurrentPassword"], wrongOld.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Contains("too easy to guess", weak.QuerySelector(".govuk-error-summary a[href='#Input_NewPassword']")!.TextContent);
        await factory.CreateBrowserClient().SignInAsync("norfolk", person.Email, person.Password);
    }

    [Fact]
    public async Task Erasing_the_account_ends_every_session()
    {
        var person = await factory.CreatePractitionerAsync("norfolk", "Ezra Eraser", "ezra.eraser@council.example");
        var (here, _) = Browser();
        await here.SignInAsync("norfolk", person.Email, person.Password);
        var (elsewhere, _) = Browser();
        await elsewhere.SignInAsync("norfolk", person.Email, person.Password);
        Assert.True(await SignedInAsync(elsewhere));

        var deleted = await here.SubmitFormAsync("/norfolk/account/delete", new Dictionary<string, string> { ["Input.Password"] = person.Password });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await SignedInAsync(elsewhere));
    }

    [Fact]
    public async Task A_password_reset_ends_every_session()
    {
        var person = await factory.CreatePractitionerAsync("norfolk", "Rhian Resetter", "rhian.resetter@council.example");
        var (signedIn, _) = Browser();
        await signedIn.SignInAsync("norfolk", person.Email, person.Password);

        await factory.CreateBrowserClient().SubmitFormAsync("/norfolk/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = person.Email });
        var link = Pickup.LinkTo(await Pickup.LatestMessageToAsync(factory.PickupFolder("norfolk"), person.Email), "/norfolk/account/reset-password");
        var reset = await factory.CreateBrowserClient().SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "velvet harbour compass",
            ["Input.ConfirmPassword"] = "velvet harbour compass",
        });

        Assert.Equal("Password changed", (await reset.ParseAsync()).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, await DetailsStatusAsync(signedIn));
    }
}
