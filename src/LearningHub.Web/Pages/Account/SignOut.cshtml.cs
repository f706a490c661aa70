using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Web.Pages.Account;

/// <summary>Signing out is a POST (from the header button); the GET page offers the same button.</summary>
public sealed class SignOutModel(SignInManager<ApplicationUser> signIn) : BoardPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Home/Index");
    }
}
