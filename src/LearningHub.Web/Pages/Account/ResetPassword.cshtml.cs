using System.ComponentModel.DataAnnotations;
using System.Text;
using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using LearningHub.Web.Accounts;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace LearningHub.Web.Pages.Account;

[EnableRateLimiting(HostSetup.AccountRateLimit)]
public sealed class ResetPasswordModel(UserManager<ApplicationUser> users, AccountPasswords passwords) : BoardPageModel
{
    /// <summary>The account the reset link is for (not the signed-in person: nobody is signed in here).</summary>
    [BindProperty(SupportsGet = true, Name = "userId")]
    public string? AccountId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public IActionResult OnGet() =>
        string.IsNullOrEmpty(AccountId) || string.IsNullOrEmpty(Code) ? BadRequest() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = string.IsNullOrEmpty(AccountId) ? null : await users.FindByIdAsync(AccountId);
        string? token = null;
        try
        {
            token = Code is null ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code));
        }
        catch (FormatException)
        {
        }

        var result = user is null || token is null
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken" })
            : await passwords.ResetAsync(user, token, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "InvalidToken" ? "" : "Input.Password",
                    error.Code == "InvalidToken" ? "This reset link has expired or already been used. Ask for a new one from the sign in page" : error.Description);
            }

            return Page();
        }

        Done = true;
        return Page();
    }

    public sealed class ResetPasswordInput
    {
        [Required(ErrorMessage = "Enter a new password")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Password must be at least 10 characters")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Confirm your new password")]
        [Compare(nameof(Password), ErrorMessage = "Passwords do not match. Enter the same password twice")]
        public string? ConfirmPassword { get; set; }
    }
}
