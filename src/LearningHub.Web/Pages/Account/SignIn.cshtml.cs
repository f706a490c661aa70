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
public sealed class SignInModel(
    SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, PasswordDecoy decoy, BoardIdentityProviders providers,
    IdentityProviderEditor providerRules) : BoardPageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The board's own providers, a button each.</summary>
    public IReadOnlyList<BoardIdentityProvider> Providers { get; private set; } = [];

    public async Task OnGetAsync() => Providers = await providers.ListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Providers = await providers.ListAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Which domains must use a provider is public (the page could list them), so saying so tells nobody who has an account.
        if (await providerRules.RequiredForAsync(Input.Email!.Trim()) is { } required)
        {
            ModelState.AddModelError("Input.Email", $"Your organisation signs you in: use the button '{required.ButtonLabel}' instead of a password");
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
                return LocalRedirect(ReturnUrls.OnBoard(Url, ReturnUrl));
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

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        public string? Password { get; set; }
    }
}
