using System.Collections.Concurrent;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningHub.Web.Accounts;

/// <summary>The current request's board's identity providers, read once per request.</summary>
public sealed class BoardIdentityProviders(LearningHubDbContext db, BoardContext boards)
{
    private IReadOnlyList<BoardIdentityProvider>? _providers;

    public async Task<IReadOnlyList<BoardIdentityProvider>> ListAsync() =>
        _providers ??= boards.Current is null
            ? []
            : await db.Set<BoardIdentityProvider>().AsNoTracking().OrderBy(p => p.ButtonLabel).ToListAsync();

    public async Task<BoardIdentityProvider?> FindAsync(string key) => (await ListAsync()).FirstOrDefault(p => p.Key == key);

    /// <summary>The provider behind a scheme name, only if the scheme is this board's.</summary>
    public async Task<BoardIdentityProvider?> FindBySchemeAsync(string scheme) =>
        IdentityProviderRules.ParseSchemeName(scheme) is var (board, key) && board == boards.Current?.Slug ? await FindAsync(key) : null;

    public string SchemeName(BoardIdentityProvider provider) => IdentityProviderRules.SchemeName(boards.Required.Slug, provider.Key);
}

/// <summary>
/// Where a board's provider's handler answers: the callback the provider sends people back to, and the
/// addresses of signing out there. Under the board's path, so a board's callbacks are its own; handled by the
/// OpenID Connect handler itself, not pages.
/// </summary>
public static class IdentityProviderPaths
{
    public const string Segment = "account/oidc";

    public static PathString Callback(string board, string key) => new($"/{board}/{Segment}/{key}/callback");

    public static PathString SignedOut(string board, string key) => new($"/{board}/{Segment}/{key}/signed-out");

    public static PathString RemoteSignOut(string board, string key) => new($"/{board}/{Segment}/{key}/front-channel-sign-out");

    /// <summary>The board and key of a path under <c>/{board}/account/oidc/{key}/</c>, or null.</summary>
    public static (string Board, string Key)? Parse(PathString path)
    {
        var parts = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts is [var board, "account", "oidc", var key, _] ? (board, key) : null;
    }
}

/// <summary>
/// Authentication schemes per board: besides the host's fixed schemes (Identity's cookies), each provider of
/// the request's board is a scheme <c>oidc:{board}:{key}</c> handled by ASP.NET Core's
/// <see cref="OpenIdConnectHandler"/>. Another board's schemes do not exist on this board's requests, so its
/// providers cannot be challenged, answer callbacks or unprotect state here. The options of each are built from
/// the provider's row (<see cref="IdentityProviderOptions"/>), and built again when the row has changed.
/// </summary>
public sealed class BoardAuthenticationSchemeProvider(
    IOptions<AuthenticationOptions> options, IHttpContextAccessor http, IdentityProviderOptions providerOptions)
    : AuthenticationSchemeProvider(options)
{
    public override async Task<AuthenticationScheme?> GetSchemeAsync(string name) =>
        await base.GetSchemeAsync(name) ?? await BoardSchemeAsync(name);

    public override async Task<IEnumerable<AuthenticationScheme>> GetAllSchemesAsync()
    {
        var schemes = (await base.GetAllSchemesAsync()).ToList();
        if (Providers() is { } providers)
        {
            foreach (var provider in await providers.ListAsync())
            {
                schemes.Add(Scheme(providers, provider));
            }
        }

        return schemes;
    }

    /// <summary>Only the provider a path under <c>/{board}/account/oidc/{key}/</c> names looks at the request (its callbacks).</summary>
    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        var schemes = await base.GetRequestHandlerSchemesAsync();
        if (http.HttpContext is { } context && IdentityProviderPaths.Parse(context.Request.Path) is var (board, key)
            && await BoardSchemeAsync(IdentityProviderRules.SchemeName(board, key)) is { } scheme)
        {
            return [.. schemes, scheme];
        }

        return schemes;
    }

    private async Task<AuthenticationScheme?> BoardSchemeAsync(string name) =>
        Providers() is { } providers && await providers.FindBySchemeAsync(name) is { } provider ? Scheme(providers, provider) : null;

    private AuthenticationScheme Scheme(BoardIdentityProviders providers, BoardIdentityProvider provider)
    {
        var name = providers.SchemeName(provider);
        providerOptions.Refresh(name, provider.Version);
        return new AuthenticationScheme(name, provider.ButtonLabel, typeof(OpenIdConnectHandler));
    }

    private BoardIdentityProviders? Providers() => http.HttpContext?.RequestServices.GetService<BoardIdentityProviders>();
}

/// <summary>
/// Builds each board provider's <see cref="OpenIdConnectOptions"/> from its row: authorization code with PKCE,
/// the handler's state, nonce, issuer and audience checks, the secret decrypted, callbacks under the board's
/// path, the result held in Identity's external cookie for <c>/account/oidc/complete</c> to finish. Options are
/// cached per scheme by the options monitor; <see cref="Refresh"/> drops them when the row has changed since.
/// </summary>
public sealed class IdentityProviderOptions(
    IHttpContextAccessor http, IdentityProviderSecrets secrets, IOptionsMonitorCache<OpenIdConnectOptions> cache)
    : IConfigureNamedOptions<OpenIdConnectOptions>
{
    private readonly ConcurrentDictionary<string, Guid> _builtFrom = new();

    /// <summary>Drops the scheme's cached options if they were built from another version of its provider.</summary>
    public void Refresh(string scheme, Guid version)
    {
        if (_builtFrom.TryGetValue(scheme, out var built) && built != version)
        {
            cache.TryRemove(scheme);
            _builtFrom.TryRemove(scheme, out _);
        }
    }

    public void Configure(OpenIdConnectOptions options)
    {
    }

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name is null || IdentityProviderRules.ParseSchemeName(name) is not var (board, key))
        {
            return;
        }

        // Options are built during the request that resolved the scheme, which only resolves its own board's.
        var providers = http.HttpContext?.RequestServices.GetRequiredService<BoardIdentityProviders>()
                        ?? throw new InvalidOperationException($"The options of {name} are built only during a request.");
        var provider = providers.FindBySchemeAsync(name).GetAwaiter().GetResult()
                       ?? throw new InvalidOperationException($"No identity provider {name} on this request's board.");
        _builtFrom[name] = provider.Version;

        options.Authority = provider.Authority;
        options.ClientId = provider.ClientId;
        options.ClientSecret = secrets.Unprotect(provider.ProtectedClientSecret);
        options.ResponseType = "code";
        options.UsePkce = true;
        // The code comes back by a top-level GET, so the correlation and nonce cookies can be SameSite=Lax.
        options.ResponseMode = "query";
        options.Scope.Clear();
        options.Scope.Add("openid");
        foreach (var scope in provider.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            options.Scope.Add(scope);
        }

        options.CallbackPath = IdentityProviderPaths.Callback(board, key);
        options.SignedOutCallbackPath = IdentityProviderPaths.SignedOut(board, key);
        options.RemoteSignOutPath = IdentityProviderPaths.RemoteSignOut(board, key);
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.GetClaimsFromUserInfoEndpoint = true;
        // Claims keep their OpenID names (sub, email, name, email_verified).
        options.MapInboundClaims = false;
        options.ClaimActions.MapUniqueJsonKey(IdentityProviderClaims.EmailVerified, IdentityProviderClaims.EmailVerified);
        options.ClaimActions.MapUniqueJsonKey(IdentityProviderClaims.EmailDomainOwnerVerified, IdentityProviderClaims.EmailDomainOwnerVerified);
        options.TokenValidationParameters.NameClaimType = "name";
        // https everywhere except a provider on this machine (a local one, or the tests').
        options.RequireHttpsMetadata = !(Uri.TryCreate(provider.Authority, UriKind.Absolute, out var authority) && authority.IsLoopback);
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Events = IdentityProviderEvents.Instance;
    }
}

public static class IdentityProviderClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string EmailVerified = "email_verified";

    /// <summary>Microsoft Entra ID's optional claim that the email's domain is verified by its tenant (it sends no email_verified).</summary>
    public const string EmailDomainOwnerVerified = "xms_edov";

    public const string Name = "name";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
}

/// <summary>
/// What the handlers do at the edges: a cancelled or failed sign-in (a tampered state, a code for another
/// client, the provider's error) ends on the refused page with a way back, never a 500; signing out at the
/// provider names the client, as RP-initiated logout allows when there is no ID token to hint with.
/// </summary>
public static class IdentityProviderEvents
{
    public static readonly OpenIdConnectEvents Instance = new()
    {
        OnAccessDenied = context =>
        {
            context.Response.Redirect(RefusedPath(context.HttpContext, IdentityProviderRefusal.Cancelled));
            context.HandleResponse();
            return Task.CompletedTask;
        },
        OnRemoteFailure = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdentityProviderEvents))
                .LogWarning(context.Failure, "Sign-in through {Scheme} failed", context.Scheme.Name);
            context.Response.Redirect(RefusedPath(context.HttpContext, IdentityProviderRefusal.Failed));
            context.HandleResponse();
            return Task.CompletedTask;
        },
        OnRedirectToIdentityProviderForSignOut = context =>
        {
            context.ProtocolMessage.ClientId = context.Options.ClientId;
            return Task.CompletedTask;
        },
    };

    public static string RefusedPath(HttpContext context, IdentityProviderRefusal reason) =>
        context.RequestServices.GetRequiredService<BoardLinks>().Path("/Account/Oidc/Refused", new { reason });
}

public enum IdentityProviderRefusal
{
    Failed,
    Cancelled,
    Unavailable,
    UnverifiedEmail,
    OtherDomain,
    NoEmail,
}
