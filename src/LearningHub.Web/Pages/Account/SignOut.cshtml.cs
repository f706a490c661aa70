using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningHub.Web.Pages.Account;

/// <summary>Signing out is a POST (from the header button); the GET page offers the same button.</summary>
public sealed class SignOutModel(SignInManager<ApplicationUser> signIn, BoardContext boards) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect($"/{boards.Required.Slug}");
    }
}
