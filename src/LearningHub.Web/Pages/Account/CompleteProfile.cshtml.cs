using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Web.Pages.Account;

/// <summary>
/// The profile a person must give before anything else (<see cref="ProfileCompletionPageFilter"/>): an account
/// made from a work account's sign-in has only a name and email.
/// </summary>
[Authorize]
[AllowIncompleteProfile]
public sealed class CompleteProfileModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, ProfileChoices choices)
    : BoardPageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public ProfileChoices Choices => choices;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await choices.LoadAsync();
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
        choices.Validate(Input, ModelState, nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await Input.SaveToAsync(user, users, signIn);
        return LocalRedirect(ReturnUrls.OnBoard(Url, ReturnUrl));
    }
}
