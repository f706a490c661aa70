using LearningHub.Core.Accounts;
using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningHub.Web.Pages.Admin.People;

/// <summary>Gives or takes away a person's staff roles on the board.</summary>
[Authorize(Policy = CorePermissions.ManageAccounts)]
public sealed class RolesModel(UserManager<ApplicationUser> users, BoardContext boards, LearningHubDbContext db, AuditLog audit) : PageModel
{
    public sealed record RoleOption(string Role, string Name, string Description);

    public IReadOnlyList<RoleOption> Options { get; } =
    [
        new(BoardRoles.Coordinator, "Training coordinator", "Schedules events, takes registers and sees reach reports"),
        new(BoardRoles.Author, "Author", "Writes and reviews case learning modules and forms"),
        new(BoardRoles.BoardAdmin, "Board administrator", "Manages people, roles, lists and board settings"),
    ];

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public string PersonName { get; private set; } = "";

    public string PersonEmail { get; private set; } = "";

    public string BoardSlug => boards.Required.Slug;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } person)
        {
            return NotFound();
        }

        Show(person);
        Roles = [.. await users.GetRolesAsync(person)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } person)
        {
            return NotFound();
        }

        Show(person);
        var wanted = Roles.Where(r => Options.Any(o => o.Role == r)).Append(BoardRoles.Practitioner).ToHashSet();
        if (Roles.Any(r => r != BoardRoles.Practitioner && Options.All(o => o.Role != r)))
        {
            ModelState.AddModelError(nameof(Roles), "Select roles from the list");
            return Page();
        }

        if (person.Id == users.GetUserId(User) && !wanted.Contains(BoardRoles.BoardAdmin))
        {
            ModelState.AddModelError(nameof(Roles), "You cannot take away your own board administrator role. Ask another board administrator");
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var current = (await users.GetRolesAsync(person)).ToHashSet();
        var removed = await users.RemoveFromRolesAsync(person, current.Except(wanted));
        var added = removed.Succeeded ? await users.AddToRolesAsync(person, wanted.Except(current)) : removed;
        if (!added.Succeeded)
        {
            throw new InvalidOperationException($"Could not change roles: {string.Join(" ", added.Errors.Select(e => e.Description))}");
        }

        var target = new AuditTarget("Account", person.Id, person.FullName);
        foreach (var role in wanted.Except(current).Order(StringComparer.Ordinal))
        {
            audit.Record("accounts.role.granted", target, new { role });
        }

        foreach (var role in current.Except(wanted).Order(StringComparer.Ordinal))
        {
            audit.Record("accounts.role.revoked", target, new { role });
        }

        // Their browser picks up the change at its next security-stamp check (within a minute). This
        // save also writes the audit entries, inside the same transaction as the role change.
        await users.UpdateSecurityStampAsync(person);
        await transaction.CommitAsync();
        return Redirect($"/{BoardSlug}/admin/people");
    }

    public string PersonId { get; private set; } = "";

    private void Show(ApplicationUser person)
    {
        PersonId = person.Id;
        PersonName = person.FullName;
        PersonEmail = person.Email ?? "";
    }
}
