using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Web.Pages.Account.Oidc;

/// <summary>
/// The sign-in page's button for one of the board's providers: a link (a form's POST could not redirect to the
/// provider under the site's <c>form-action 'self'</c>), which sends the person to the provider with the handler's
/// state, nonce and PKCE. Another board's provider is not found here.
/// </summary>
public sealed class StartModel(BoardIdentityProviders providers, SignInManager<ApplicationUser> signIn, ILogger<StartModel> logger) : BoardPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(string key)
    {
        var provider = await providers.FindAsync(key).OrNotFound();
        var scheme = providers.SchemeName(provider);
        var properties = signIn.ConfigureExternalAuthenticationProperties(scheme, Url.Page("/Account/Oidc/Complete", new { returnUrl = ReturnUrl }));
        try
        {
            await HttpContext.ChallengeAsync(scheme, properties);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException && !Response.HasStarted)
        {
            // Most often the provider's discovery document cannot be read: say so rather than fail.
            logger.LogWarning(ex, "Could not send a sign-in to {Scheme}", scheme);
            return RedirectToPage("/Account/Oidc/Refused", new { reason = IdentityProviderRefusal.Unavailable });
        }

        return new EmptyResult();
    }
}
