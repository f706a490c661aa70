using System.ComponentModel.DataAnnotations;
using System.Text;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Web.Accounts;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace LearningHub.Web.Pages.Account;

[EnableRateLimiting(HostSetup.AccountRateLimit)]
public sealed class ForgotPasswordModel(UserManager<ApplicationUser> users, AccountMail mail, LearningHubDbContext db, BoardLinks links) : BoardPageModel
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

        // The answer is the same whether or not the account exists, so the page cannot be used to find out who has one.
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is { EmailConfirmed: true })
        {
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = links.Url("/Account/ResetPassword", new { userId = user.Id, code });
            await mail.QueuePasswordResetAsync(user, link);
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
