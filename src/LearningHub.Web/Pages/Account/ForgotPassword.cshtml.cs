using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Accounts;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Web.Accounts;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace LearningHub.Web.Pages.Account;

[EnableRateLimiting(HostSetup.AccountRateLimit)]
public sealed class ForgotPasswordModel(UserManager<ApplicationUser> users, AccountMail mail, LearningHubDbContext db) : BoardPageModel
{
    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The answer is the same whether or not the account exists, so the page cannot be used to find out who
        // has one. The owner of an account not yet confirmed gets the confirmation link again: a reset would
        // not let them sign in.
        if (await users.FindByEmailAsync(Input.Email!.Trim()) is { } user)
        {
            await (user.EmailConfirmed ? mail.QueuePasswordResetAsync(user) : mail.QueueConfirmationAsync(user));
            await db.SaveChangesAsync();
        }

        Sent = true;
        return Page();
    }

    public sealed class ForgotPasswordInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        public string? Email { get; set; }
    }
}
