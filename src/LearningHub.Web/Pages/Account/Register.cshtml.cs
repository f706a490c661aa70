using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Pages;
using LearningHub.Web.Accounts;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace LearningHub.Web.Pages.Account;

[EnableRateLimiting(HostSetup.AccountRateLimit)]
public sealed class RegisterModel(ProfileChoices choices, UserManager<ApplicationUser> users, AccountRegistration registration, BoardLinks links) : BoardPageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public ProfileChoices Choices => choices;

    public async Task OnGetAsync() => await choices.LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await choices.LoadAsync();
        choices.Validate(Input, ModelState, nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email!.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", "An account with this email address already exists. Sign in, or reset your password if you have forgotten it");
            return Page();
        }

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

        var created = await registration.RegisterAsync(user, Input.Password!, (account, code) =>
            links.Url("/Account/ConfirmEmail", new { userId = account.Id, code }));
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
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
