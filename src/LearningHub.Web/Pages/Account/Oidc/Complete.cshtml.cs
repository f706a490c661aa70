using LearningHub.Core.Pages;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Web.Pages.Account.Oidc;

/// <summary>Where the handler sends people back after the provider: signs them in, makes their account, or says why not.</summary>
public sealed class CompleteModel(ExternalSignIn externalSignIn) : BoardPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await externalSignIn.CompleteAsync();
        return result.Outcome switch
        {
            ExternalSignInOutcome.SignedIn => LocalRedirect(ReturnUrls.OnBoard(Url, ReturnUrl)),
            ExternalSignInOutcome.Created => RedirectToPage("/Account/CompleteProfile", new { returnUrl = ReturnUrl }),
            ExternalSignInOutcome.LinkNeeded => RedirectToPage("/Account/Oidc/Link", new { returnUrl = ReturnUrl }),
            _ => RedirectToPage("/Account/Oidc/Refused", new { reason = result.Refusal }),
        };
    }
}
