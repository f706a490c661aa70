using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Net.Http.Headers;

namespace LearningHub.Web.Hosting;

/// <summary>
/// Hands a browser the same form token for a minute instead of making a new one for every page. Every signed-in
/// page has a form (the header's Sign out), and making its token (decrypting the antiforgery cookie, then encrypting
/// a new request token, each through data protection's key derivation) was about a sixth of the server time of a
/// signed-in board home page.
/// <para>
/// An ASP.NET Core request token is not single-use: it is good for as long as the browser keeps the antiforgery
/// cookie it was made against and is the same user. So a token is remembered only under the exact cookies the
/// request sent and the account it was signed in as, and only when the request's own cookie was good (no new
/// cookie was issued); posting is validated by ASP.NET Core as before. A remembered token is still sent with
/// the no-cache headers ASP.NET Core always sets on a page with a token.
/// </para>
/// </summary>
public sealed class RememberedAntiforgeryTokens(IAntiforgery inner, TimeProvider time) : IAntiforgery, IDisposable
{
    public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(1);

    public const int MostRemembered = 20_000;

    private readonly MemoryCache _tokens = new(new MemoryCacheOptions { SizeLimit = MostRemembered });

    /// <summary>Puts this in front of the antiforgery service the platform registered (call after AddRazorPages).</summary>
    public static void Register(IServiceCollection services)
    {
        var platform = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Replace(ServiceDescriptor.Singleton<IAntiforgery>(provider => new RememberedAntiforgeryTokens(
            (IAntiforgery)(platform.ImplementationInstance
                           ?? platform.ImplementationFactory?.Invoke(provider)
                           ?? ActivatorUtilities.CreateInstance(provider, platform.ImplementationType!)),
            provider.GetRequiredService<TimeProvider>())));
    }

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        var key = KeyFor(httpContext);
        if (key is not null && _tokens.TryGetValue(key, out Remembered? remembered) && remembered!.Until > time.GetUtcNow())
        {
            if (!httpContext.Response.HasStarted)
            {
                // As the platform does for every response carrying a token: it must never be cached.
                httpContext.Response.Headers[HeaderNames.CacheControl] = "no-cache, no-store";
                httpContext.Response.Headers[HeaderNames.Pragma] = "no-cache";
            }

            return remembered.Tokens;
        }

        var tokens = inner.GetAndStoreTokens(httpContext);
        if (key is not null && tokens.CookieToken is null && tokens.RequestToken is not null)
        {
            _tokens.Set(key, new Remembered(tokens, time.GetUtcNow() + RememberFor),
                new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = RememberFor });
        }

        return tokens;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    public void Dispose() => _tokens.Dispose();

    /// <summary>
    /// The cookies as sent (the antiforgery cookie and the sign-in cookie among them) and the account the request is
    /// signed in as, which can differ for the same cookies once a session is ended; none without cookies.
    /// </summary>
    private static string? KeyFor(HttpContext httpContext)
    {
        var cookies = httpContext.Request.Headers.Cookie.ToString();
        if (cookies.Length == 0)
        {
            return null;
        }

        var account = httpContext.User.Identity?.IsAuthenticated == true ? httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        return $"{account}\n{cookies}";
    }

    private sealed record Remembered(AntiforgeryTokenSet Tokens, DateTimeOffset Until);
}
