using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using LearningHub.Core.Security;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Web.Pages.Admin.People;

/// <summary>Gives or takes away a person's staff roles on the board.</summary>
[Authorize(Policy = CorePermissions.ManageAccounts)]
public sealed class RolesModel(UserManager<ApplicationUser> users, AccountRoles accountRoles) : BoardPageModel
{
    public sealed record RoleOption(string Role, string Name, string Description);

    public IReadOnlyList<RoleOption> Options { get; } =
    [
        new(BoardRoles.Coordinator, "Training coordinator", "Schedules events, takes registers and sees reach reports"),
        new(BoardRoles.Author, "Author", "Writes and reviews case learning modules and forms"),
        new(BoardRoles.BoardAdmin, "Board administrator", "Manages people, roles, lists and board settings"),
        new(BoardRoles.AgencyLead, "Agency safeguarding lead", "Sees reach and change for their own agency (the agency on their account)"),
    ];

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public string PersonName { get; private set; } = "";

    public string PersonEmail { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var person = await users.FindByIdAsync(id).OrNotFound();
        Show(person);
        Roles = [.. await users.GetRolesAsync(person)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var person = await users.FindByIdAsync(id).OrNotFound();
        Show(person);
        var wanted = Roles.Where(r => Options.Any(o => o.Role == r)).Append(BoardRoles.Practitioner).ToHashSet();
        if (Roles.Any(r => r != BoardRoles.Practitioner && Options.All(o => o.Role != r)))
        {
            ModelState.AddModelError(nameof(Roles), "Select roles from the list");
            return Page();
        }

        if (person.Id == UserId && !wanted.Contains(BoardRoles.BoardAdmin))
        {
            ModelState.AddModelError(nameof(Roles), "You cannot take away your own board administrator role. Ask another board administrator");
            return Page();
        }

        await accountRoles.SetAsync(person, wanted);
        return RedirectToPage("/Admin/People/Index");
    }

    public string PersonId { get; private set; } = "";

    private void Show(ApplicationUser person)
    {
        PersonId = person.Id;
        PersonName = person.FullName;
        PersonEmail = person.Email ?? "";
    }
}
