using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using LearningHub.Core.Pages;
using LearningHub.Web.Accounts;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace LearningHub.Web.Pages.Account.Oidc;

/// <summary>
/// A provider vouched for an address that already has a local account: linked only once the person proves they
/// hold that account with its password (the provider's word that they hold the address is not enough to take it over).
/// </summary>
[EnableRateLimiting(HostSetup.AccountRateLimit)]
public sealed class LinkModel(ExternalSignIn externalSignIn) : BoardPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the password of your LearningHub account")]
    public string? Password { get; set; }

    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Expired();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await externalSignIn.LinkWithPasswordAsync(Password!))
        {
            ModelState.AddModelError(nameof(Password), "Enter the password of your LearningHub account. After 5 wrong passwords you cannot try for 15 minutes");
            return Page();
        }

        return LocalRedirect(ReturnUrls.OnBoard(Url, ReturnUrl));
    }

    private async Task<bool> LoadAsync()
    {
        Email = (await externalSignIn.PendingAsync())?.Info.Principal.FindFirstValue(IdentityProviderClaims.Email) ?? "";
        return Email.Length > 0;
    }

    private RedirectToPageResult Expired() => RedirectToPage("/Account/Oidc/Refused", new { reason = IdentityProviderRefusal.Failed });
}
