using LearningHub.Core.Pages;
using LearningHub.Media.Services;
using LearningHub.Theme.Base;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Media.Pages.Manage.Resources;

/// <summary>"Are you sure" before a resource and its document leave the library; only this page's POST deletes.</summary>
[Authorize(Policy = MediaPermissions.ManageMedia)]
public sealed class DeleteModel(ResourceLibrary library) : BoardPageModel
{
    public AreYouSure Question { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var resource = await library.FindAsync(id, cancellationToken);
        if (resource is null)
        {
            return NotFound();
        }

        Question = new AreYouSure("Are you sure you want to delete this resource?", resource.Title, "Yes, delete this resource",
            Url.Page("/Resources/Resource", new { id })!, "Its page and its document go from the library. Links to it will find nothing.");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        await library.DeleteAsync(id, cancellationToken) ? RedirectToPage("/Resources/Index") : NotFound();
}
