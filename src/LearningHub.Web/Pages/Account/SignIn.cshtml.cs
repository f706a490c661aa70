using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace LearningHub.Web.Pages.Account;

[EnableRateLimiting(HostSetup.AccountRateLimit)]
public sealed class SignInModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) : BoardPageModel
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

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is not null && !user.EmailConfirmed && await users.CheckPasswordAsync(user, Input.Password!))
        {
            ModelState.AddModelError("Input.Email", "Confirm your email address first: select the link in the email we sent you when you created your account");
            return Page();
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        ModelState.AddModelError("Input.Email", result.IsLockedOut
            ? "Your account is locked for 15 minutes after too many attempts. Try again later, or reset your password"
            : "Enter the email address and password of your account on this board");
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
