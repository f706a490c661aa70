using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using LearningHub.Web.Accounts;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace LearningHub.Web.Pages.Account;

/// <summary>
/// A signed-in person changes their password: the current one proves it is them (a session left open is not
/// enough); the change ends their other sessions (<see cref="AccountPasswords"/>).
/// </summary>
[Authorize]
[EnableRateLimiting(HostSetup.AccountRateLimit)]
public sealed class ChangePasswordModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AccountPasswords passwords)
    : BoardPageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Counts toward lockout, as signing in does, so the page cannot be used to guess the password.
        var check = await signIn.CheckPasswordSignInAsync(user, Input.CurrentPassword!, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError("Input.CurrentPassword", check.IsLockedOut
                ? "Your account is locked for a few minutes after too many wrong passwords. Try again later"
                : "The password is not right. Enter the password you sign in with");
            return Page();
        }

        var result = await passwords.ChangeAsync(user, Input.CurrentPassword!, Input.NewPassword!, User);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.NewPassword", error.Description);
            }

            return Page();
        }

        TempData[nameof(DetailsModel.PasswordChanged)] = true;
        return RedirectToPage("/Account/Details");
    }

    public sealed class ChangePasswordInput
    {
        [Display(Order = 1)]
        [Required(ErrorMessage = "Enter your current password")]
        public string? CurrentPassword { get; set; }

        [Display(Order = 2)]
        [Required(ErrorMessage = "Enter a new password")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "New password must be at least 10 characters")]
        public string? NewPassword { get; set; }

        [Display(Order = 3)]
        [Required(ErrorMessage = "Confirm your new password")]
        [Compare(nameof(NewPassword), ErrorMessage = "Passwords do not match. Enter the same new password twice")]
        public string? ConfirmPassword { get; set; }
    }
}
