using LearningHub.Core.Pages;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Web.Pages.Account.Oidc;

/// <summary>
/// Sends the person to the provider's end-session endpoint (RP-initiated logout), which sends them back through
/// the handler's signed-out callback to the board's home. A link, like the sign-in buttons, so the site's
/// <c>form-action 'self'</c> does not stop the redirect.
/// </summary>
[AllowIncompleteProfile]
public sealed class SignOutModel(BoardIdentityProviders providers, ILogger<SignOutModel> logger) : BoardPageModel
{
    public async Task<IActionResult> OnGetAsync(string key)
    {
        var provider = await providers.FindAsync(key).OrNotFound();
        try
        {
            await HttpContext.SignOutAsync(providers.SchemeName(provider), new AuthenticationProperties { RedirectUri = Url.Page("/Home/Index") });
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException && !Response.HasStarted)
        {
            logger.LogWarning(ex, "Could not sign out at {Provider}", provider.Key);
            return RedirectToPage("/Account/Oidc/Refused", new { reason = IdentityProviderRefusal.Unavailable });
        }

        return new EmptyResult();
    }
}
