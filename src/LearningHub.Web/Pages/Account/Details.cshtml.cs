using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Web.Pages.Account;

/// <summary>A signed-in person's own details: name, agency, job role, locality and line manager.</summary>
[Authorize]
public sealed class DetailsModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, ProfileChoices choices)
    : BoardPageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public ProfileChoices Choices => choices;

    public string Email { get; private set; } = "";

    [TempData]
    public bool Saved { get; set; }

    /// <summary>Set by the change-password page, which comes back here.</summary>
    [TempData]
    public bool PasswordChanged { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await choices.LoadAsync();
        Email = user.Email ?? "";
        Input = ProfileInput.From(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await choices.LoadAsync();
        Email = user.Email ?? "";
        choices.Validate(Input, ModelState, nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Input.ApplyTo(user);
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not save details: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        // The name in the header comes from the sign-in cookie, so issue a fresh one.
        await signIn.RefreshSignInAsync(user);
        Saved = true;
        return RedirectToPage();
    }
}
