using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using LearningHub.Web.Accounts;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace LearningHub.Web.Pages.Account;

[EnableRateLimiting(HostSetup.AccountRateLimit)]
public sealed class SignInModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, PasswordDecoy decoy) : BoardPageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Unknown address, wrong password, unconfirmed email and lockout all get the same answer, in about the
        // same time (a password hash is checked in each case), so the page does not tell who has an account.
        // The page itself says what the owner may need: confirm the email first, or wait after a lockout.
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is null)
        {
            decoy.Check(Input.Password!);
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(SafeReturnUrl());
            }

            if (result.IsLockedOut || result.IsNotAllowed)
            {
                // Identity answers these before it checks the password.
                decoy.Check(Input.Password!);
            }
        }

        ModelState.AddModelError("Input.Email", "Enter the email address and password of your account on this board");
        return Page();
    }

    /// <summary>Only a path on this board is a place to return to; anything else goes to the board's home.</summary>
    private string SafeReturnUrl()
    {
        var home = Url.Page("/Home/Index")!;
        return ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(home, StringComparison.OrdinalIgnoreCase) ? url : home;
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        public string? Password { get; set; }
    }
}
