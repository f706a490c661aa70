using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using LearningHub.Core.Security;
using LearningHub.Events;
using LearningHub.Forms;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Web.Pages.Account;

/// <summary>
/// A signed-in person's own details: name, agency, job role, locality and line manager; and, truly, who sees their
/// name: the roles this board grants each permission that shows names, read from the board's grants.
/// </summary>
[Authorize]
public sealed class DetailsModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, ProfileChoices choices,
    BoardPermissions permissions) : BoardPageModel
{
    /// <summary>Who sees this person's name and email address, and where: one line per place, from the board's role grants.</summary>
    public IReadOnlyList<(string Who, string Where)> WhoSeesYourName { get; private set; } = [];

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

        await LoadAsync(user);
        Input = ProfileInput.From(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await LoadAsync(user);
        choices.Validate(Input, ModelState, nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await Input.SaveToAsync(user, users, signIn);
        Saved = true;
        return RedirectToPage();
    }

    private async Task LoadAsync(ApplicationUser user)
    {
        await choices.LoadAsync();
        Email = user.Email ?? "";
        (string Permission, string Where)[] places =
        [
            (CorePermissions.ManageAccounts, "with your account, agency, job role and roles"),
            (EventsPermissions.ManageEvents, "when you book an event: on its bookings, waiting list, register and exports"),
            (FormsPermissions.Results, "with your answers to forms that are not anonymous, such as a module's reflective questions (a form says which it is before you start)"),
        ];
        var who = new List<(string, string)>();
        foreach (var (permission, where) in places)
        {
            if (await permissions.RolesWithAsync(permission) is { Count: > 0 } roles)
            {
                who.Add((Capitalised(Joined(roles.Select(BoardRoles.PeopleIn).ToList())), where));
            }
        }

        who.Add(("Your line manager, if you give their address", "when a booking needs their approval"));
        who.Add(("Anyone you give a certificate's code", "on that certificate's verification page"));
        WhoSeesYourName = who;
    }

    private static string Joined(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
