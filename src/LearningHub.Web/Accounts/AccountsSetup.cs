using System.Security.Claims;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LearningHub.Web.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddLearningHubAccounts(this IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                // NCSC guidance: length and guessability (PasswordStrengthValidator), not composition rules.
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<LearningHubDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordStrengthValidator>()
            .AddClaimsPrincipalFactory<BoardClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "lh.account";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.CookieManager = new BoardCookieManager();
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events.OnRedirectToLogin = RedirectToBoardSignIn;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // No redirect: the status code page explains what is missing and whom to ask.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = ValidatePrincipalAsync;
            options.Events.OnSigningIn = context =>
                context.HttpContext.RequestServices.GetRequiredService<AccountSessions>().AttachAsync(context.Principal!, context.HttpContext.User);
            options.Events.OnSigningOut = context =>
                context.HttpContext.RequestServices.GetRequiredService<AccountSessions>().EndAsync(context.HttpContext.User);
        });

        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, RememberSignInTickets>();

        // Role changes reach a signed-in browser within a minute (the security stamp); the principal Identity
        // re-creates then keeps its session. Ended sessions are refused at once (ValidatePrincipalAsync).
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = AccountSessions.KeepSessionOnRefresh;
        });

        services.AddScoped<AccountSessions>();
        services.AddScoped<AccountPasswords>();
        services.AddScoped<PasswordDecoy>();
        services.AddScoped<AccountMail>();
        services.AddScoped<AccountRegistration>();
        services.AddScoped<AccountRoles>();
        services.AddScoped<ProfileChoices>();
        services.AddScoped<DemoUsers>();
        services.AddBoardIdentityProviders();
        return services;
    }

    /// <summary>
    /// Signing in through each board's OpenID providers: one handler type (ASP.NET Core's OpenID Connect
    /// handler), a scheme per provider of the request's board (<see cref="BoardAuthenticationSchemeProvider"/>),
    /// its options built from the provider's row (<see cref="IdentityProviderOptions"/>).
    /// </summary>
    private static void AddBoardIdentityProviders(this IServiceCollection services)
    {
        services.AddScoped<BoardIdentityProviders>();
        services.AddScoped<ExternalSignIn>();
        services.AddSingleton<IdentityProviderOptions>();
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>>(sp => sp.GetRequiredService<IdentityProviderOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, BoardAuthenticationSchemeProvider>());
        // What a provider said is held in Identity's external cookie until /account/oidc/complete reads it: only on its board's path.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, options =>
        {
            options.CookieManager = new BoardCookieManager();
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
    }

    private static Task RedirectToBoardSignIn(RedirectContext<CookieAuthenticationOptions> context)
    {
        var services = context.HttpContext.RequestServices;
        if (services.GetRequiredService<BoardContext>().Current is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var request = context.Request;
        var returnUrl = request.PathBase + request.Path + request.QueryString;
        context.Response.Redirect(services.GetRequiredService<BoardLinks>().Path("/Account/SignIn", new { returnUrl = returnUrl.ToString() }));
        return Task.CompletedTask;
    }

    /// <summary>
    /// A cookie is only good on the board that issued it (its path already keeps it there), and only while
    /// its session is open on the server (<see cref="AccountSessions"/>).
    /// </summary>
    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var board = services.GetRequiredService<BoardContext>().Current;
        if (board is null || context.Principal is not { } principal
            || principal.FindFirstValue(LearningHubClaimTypes.BoardId) != board.Id.ToString()
            || !await services.GetRequiredService<AccountSessions>().IsOpenAsync(principal))
        {
            context.RejectPrincipal();
            return;
        }

        if (SecurityStampCheckDue(context))
        {
            await CheckSecurityStampAsync(context, principal);
        }
    }

    /// <summary>
    /// Identity's security-stamp check, made once per session per <see cref="SessionCheckCache.CheckInterval"/> on this
    /// node: a cookie of the same session with the same stamp that is still due (sent again before the browser took
    /// the renewed one) gets the principal that check made, without the database or a new cookie.
    /// </summary>
    private static async Task CheckSecurityStampAsync(CookieValidatePrincipalContext context, ClaimsPrincipal cookie)
    {
        var services = context.HttpContext.RequestServices;
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = cookie.FindFirstValue(stampType);
        // Both are there: IsOpenAsync has found the session.
        var checks = services.GetRequiredService<SessionCheckCache>().For(cookie.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var sessionId = cookie.FindFirstValue(LearningHubClaimTypes.SessionId)!;
        if (checks.StampCheckOf(sessionId) is { } passed && passed.Stamp == stamp)
        {
            context.ReplacePrincipal(passed.Principal.Clone());
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is { } refreshed)
        {
            checks.RememberStampCheck(sessionId, new SessionCheckCache.StampCheck(stamp, refreshed.Clone()));
        }
    }

    /// <summary>
    /// Identity's validator re-checks the security stamp only once the cookie is older than the validation
    /// interval, but resolving it builds a SignInManager and UserManager (with their metrics instruments) on
    /// every request; the same test made here first skips that when nothing would be checked.
    /// </summary>
    private static bool SecurityStampCheckDue(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return context.Properties.IssuedUtc is not { } issued || now - issued > options.ValidationInterval;
    }
}

/// <summary>Adds the board and the person's name to the sign-in cookie.</summary>
public sealed class BoardClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(LearningHubClaimTypes.BoardId, user.BoardId.ToString()));
        identity.AddClaim(new Claim(LearningHubClaimTypes.FullName, user.FullName));
        if (!ProfileInput.IsComplete(user))
        {
            identity.AddClaim(new Claim(LearningHubClaimTypes.ProfileIncomplete, "true"));
        }
        return identity;
    }
}

/// <summary>
/// Scopes the sign-in cookie to the board's path (<c>/norfolk</c>), so a browser sends a Norfolk
/// account's cookie only to Norfolk pages, and one person can be signed in to two boards at once.
/// </summary>
public sealed class BoardCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, key);

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, key, value, WithBoardPath(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, key, WithBoardPath(context, options));

    private static CookieOptions WithBoardPath(HttpContext context, CookieOptions options)
    {
        var board = context.RequestServices.GetRequiredService<BoardContext>().Current;
        return new CookieOptions(options) { Path = board is null ? "/" : $"/{board.Slug}" };
    }
}
