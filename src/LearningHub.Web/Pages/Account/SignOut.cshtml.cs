using System.Security.Claims;
using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using LearningHub.Web.Accounts;

namespace LearningHub.Web.Pages.Account;

/// <summary>Signing out is a POST (from the header button); the GET page offers the same button.</summary>
[AllowIncompleteProfile]
public sealed class SignOutModel(SignInManager<ApplicationUser> signIn, BoardIdentityProviders providers) : BoardPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Someone who signed in through one of the board's providers is offered its sign-out too, once signed out here.
        var provider = User.FindFirstValue(ClaimTypes.AuthenticationMethod) is { } method ? await providers.FindBySchemeAsync(method) : null;
        await signIn.SignOutAsync();
        return provider is null ? RedirectToPage("/Home/Index") : RedirectToPage("/Account/Oidc/SignedOut", new { key = provider.Key });
    }
}
