using System.Net;
using System.Text.RegularExpressions;
using LearningHub.Core.Accounts;
using LearningHub.E2E.Infrastructure;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Accounts;

/// <summary>The app with the test OpenID provider running beside it for the test class.</summary>
public sealed class IdentityProviderFixture : IAsyncLifetime
{
    public LearningHubFactory Factory { get; } = new();

    public OidcTestProvider Provider { get; } = new(LearningHubFactory.PublicBaseUrl);

    public Task InitializeAsync() => Provider.StartAsync();

    public async Task DisposeAsync()
    {
        await Provider.DisposeAsync();
        await Factory.DisposeAsync();
    }

    /// <summary>Adds (or changes) a board's provider as the admin page does.</summary>
    public Task AddProviderAsync(string board, string key, bool mustUse = false, string domain = OidcTestProvider.WorkDomain) =>
        Factory.WithBoardServicesAsync(board, async services =>
        {
            var (clientId, secret) = board == "norfolk"
                ? (OidcTestProvider.NorfolkClientId, OidcTestProvider.NorfolkClientSecret)
                : (OidcTestProvider.EssexClientId, OidcTestProvider.EssexClientSecret);
            await services.GetRequiredService<IdentityProviderEditor>().SaveAsync(new IdentityProviderChange(
                key, $"Sign in with your {key.ToUpperInvariant()} account", Provider.Issuer, clientId, secret, "profile email", [domain], mustUse));
            return 0;
        });
}

/// <summary>
/// A person at the provider's own pages: follows its redirects, signs in on its login page and allows (or
/// cancels) on its consent page, until it sends the browser back to LearningHub.
/// </summary>
public sealed partial class ProviderBrowser(OidcTestProvider provider) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

    /// <summary>From the provider's authorization address to the LearningHub address it sends back to.</summary>
    public async Task<Uri> SignInAsync(Uri authorization, string email, bool cancel = false)
    {
        var next = authorization;
        for (var step = 0; step < 20; step++)
        {
            var response = await _http.GetAsync(next);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found)
            {
                var location = new Uri(next, response.Headers.Location!);
                if (!location.AbsoluteUri.StartsWith(provider.Issuer, StringComparison.Ordinal))
                {
                    return location;
                }

                next = location;
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"The provider answered {(int)response.StatusCode}: {html}");
            var uid = InteractionAction().Match(html);
            Assert.True(uid.Success, $"No interaction form on the provider's page: {html}");
            var action = cancel ? $"/interaction/{uid.Groups[1].Value}/abort" : $"/interaction/{uid.Groups[1].Value}/{uid.Groups[2].Value}";
            var fields = uid.Groups[2].Value == "login" && !cancel
                ? new Dictionary<string, string> { ["email"] = email, ["password"] = OidcTestProvider.PasswordOf(email) }
                : [];
            var posted = await _http.PostAsync(new Uri(next, action), new FormUrlEncodedContent(fields));
            Assert.True(posted.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.Found or HttpStatusCode.Redirect,
                $"The provider's {action} answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
            next = new Uri(next, posted.Headers.Location!);
            if (!next.AbsoluteUri.StartsWith(provider.Issuer, StringComparison.Ordinal))
            {
                return next;
            }
        }

        throw new InvalidOperationException("The provider did not send the browser back.");
    }

    [GeneratedRegex("""action="/interaction/([^/"]+)/(login|confirm)""")]
    private static partial Regex InteractionAction();

    public void Dispose() => _http.Dispose();
}

public static class IdentityProviderSignIn
{
    /// <summary>Presses the board's provider button and returns where the app sends the browser (the provider).</summary>
    public static async Task<Uri> StartAsync(this HttpClient app, string board, string key, string? returnUrl = null)
    {
        var response = await app.GetAsync($"/{board}/account/oidc/{key}/sign-in" + (returnUrl is null ? "" : $"?returnUrl={Uri.EscapeDataString(returnUrl)}"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>Follows the app's redirects (on its own host) from <paramref name="url"/>; returns the last response.</summary>
    public static async Task<HttpResponseMessage> FollowAsync(this HttpClient app, Uri url)
    {
        var response = await app.GetAsync(url.PathAndQuery);
        for (var i = 0; i < 10 && response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
             && (!location.IsAbsoluteUri || location.Host == "localhost"); i++)
        {
            response = await app.GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        }

        return response;
    }

    /// <summary>The whole round: the button, the provider's pages, back to the app and its redirects.</summary>
    public static async Task<HttpResponseMessage> SignInThroughProviderAsync(this HttpClient app, OidcTestProvider provider, string board, string key,
        string email, string? returnUrl = null)
    {
        using var browser = new ProviderBrowser(provider);
        var back = await browser.SignInAsync(await app.StartAsync(board, key, returnUrl), email);
        return await app.FollowAsync(back);
    }
}
