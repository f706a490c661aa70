using LearningHub.Core.Pages;
using LearningHub.Core.Privacy;
using LearningHub.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Web.Pages.Admin.People;

/// <summary>
/// A board administrator erases a person's account on their request, after a confirmation step. Audited as
/// <c>privacy.account.erased</c> with the administrator as actor; another board's account is not found.
/// </summary>
[Authorize(Policy = CorePermissions.ManageAccounts)]
public sealed class EraseModel(PersonalDataRights rights) : BoardPageModel
{
    public string Id { get; private set; } = "";

    public string PersonName { get; private set; } = "";

    public string PersonEmail { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await rights.SubjectAsync(id, cancellationToken) is not { } subject)
        {
            return NotFound();
        }

        Show(subject);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await rights.SubjectAsync(id, cancellationToken) is not { } subject)
        {
            return NotFound();
        }

        Show(subject);
        if (subject.UserId == UserId)
        {
            // Their own account goes through "Delete your account", which asks for their password.
            ModelState.AddModelError(string.Empty, "You cannot erase your own account here. Use Your data in your account to delete it");
            return Page();
        }

        await rights.EraseAsync(subject, byThemselves: false, cancellationToken);
        return RedirectToPage("/Admin/People/Erased");
    }

    private void Show(DataSubject subject)
    {
        Id = subject.UserId;
        PersonName = subject.FullName;
        PersonEmail = subject.Email;
    }
}
