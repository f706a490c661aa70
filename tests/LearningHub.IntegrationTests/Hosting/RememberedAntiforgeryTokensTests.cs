using System.Net;
using AngleSharp.Html.Dom;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Hosting;

/// <summary>
/// A browser gets the same form token on every page for a minute (<see cref="RememberedAntiforgeryTokens"/>), which
/// still posts; another browser, or the same browser once signed out, gets its own, and a page carrying one is
/// never cacheable.
/// </summary>
public sealed class RememberedAntiforgeryTokensTests(QuietFactory factory) : IClassFixture<QuietFactory>
{
    private static async Task<(string Action, string Token, HttpResponseMessage Response)> SignOutFormAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        var page = await response.ParseAsync();
        var form = page.QuerySelector("header form") as IHtmlFormElement ?? throw new InvalidOperationException($"No sign-out form on {path}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement ?? throw new InvalidOperationException("No token");
        return (form.GetAttribute("action")!, token.Value, response);
    }

    [Fact]
    public void The_sites_antiforgery_service_remembers_tokens()
    {
        Assert.IsType<RememberedAntiforgeryTokens>(factory.Services.GetRequiredService<IAntiforgery>());
    }

    [Fact]
    public async Task A_browser_gets_one_token_for_its_pages_and_it_still_posts()
    {
        var person = factory.CreateBrowserClient();
        await person.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var home = await SignOutFormAsync(person, "/norfolk");
        var modules = await SignOutFormAsync(person, "/norfolk/modules");
        var events = await SignOutFormAsync(person, "/norfolk/events");

        Assert.Equal(home.Token, modules.Token);
        Assert.Equal(home.Token, events.Token);
        foreach (var response in new[] { home.Response, modules.Response, events.Response })
        {
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        }

        var other = factory.CreateBrowserClient();
        await other.SignInAsync("norfolk", "coordinator@norfolk.demo");
        Assert.NotEqual(home.Token, (await SignOutFormAsync(other, "/norfolk")).Token);

        var signedOut = await person.PostAsync(events.Action, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = events.Token }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Null((await person.GetDocumentAsync("/norfolk")).QuerySelector(".lh-header__signed-in"));
    }

    [Fact]
    public async Task A_remembered_token_does_not_post_for_another_browser()
    {
        var person = factory.CreateBrowserClient();
        await person.SignInAsync("essex", "practitioner@essex.demo");
        var form = await SignOutFormAsync(person, "/essex");
        await SignOutFormAsync(person, "/essex/modules");

        var stranger = factory.CreateBrowserClient();
        await stranger.SignInAsync("essex", "coordinator@essex.demo");
        var posted = await stranger.PostAsync(form.Action, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = form.Token }));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.NotNull((await stranger.GetDocumentAsync("/essex")).QuerySelector(".lh-header__signed-in"));
    }
}
