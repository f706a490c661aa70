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
public sealed class RegisterModel(
    ProfileChoices choices, UserManager<ApplicationUser> users, AccountRegistration registration, IdentityProviderEditor providerRules) : BoardPageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public ProfileChoices Choices => choices;

    public async Task OnGetAsync() => await choices.LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await choices.LoadAsync();
        choices.Validate(Input, ModelState, nameof(Input));
        // A password account for a domain that must use its provider could never sign in (as on the sign-in page, the rule is public).
        if (Input.Email is { } typed && await providerRules.RequiredForAsync(typed.Trim()) is { } required)
        {
            ModelState.AddModelError("Input.Email", $"Your organisation signs you in: use the button '{required.ButtonLabel}' on the sign-in page instead of creating a password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email!.Trim();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            FullName = Input.FullName!.Trim(),
            AgencyId = Input.AgencyId,
            JobRole = Input.JobRole!.Trim(),
            LocalityId = Input.LocalityId,
            LineManagerEmail = Input.LineManagerEmailOrNull,
            CreatedUtc = DateTime.UtcNow,
        };

        // The page answers the same whether or not the address has an account: the password is judged first,
        // for everyone, and the owner of an existing account is told by mail instead of on this page.
        var password = await registration.CheckPasswordAsync(user, Input.Password!);
        var result = password.Succeeded && await users.FindByEmailAsync(email) is { } existing
            ? await registration.TellOwnerAsync(existing, Input.Password!)
            : password.Succeeded ? await registration.RegisterAsync(user, Input.Password!) : password;
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
            }

            return Page();
        }

        return RedirectToPage("/Account/CheckEmail");
    }

    public sealed class RegisterInput : ProfileInput
    {
        [Display(Order = 2)]
        [Required(ErrorMessage = "Enter your work email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? Email { get; set; }

        [Display(Order = 7)]
        [Required(ErrorMessage = "Create a password")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Password must be at least 10 characters")]
        public string? Password { get; set; }

        [Display(Order = 8)]
        [Required(ErrorMessage = "Confirm your password")]
        [Compare(nameof(Password), ErrorMessage = "Passwords do not match. Enter the same password twice")]
        public string? ConfirmPassword { get; set; }
    }
}
