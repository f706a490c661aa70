using LearningHub.Content.Domain;
using LearningHub.Content.Services;
using LearningHub.Core.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Content.Pages.Manage.Pages;

/// <summary>What changed in a version of a page since the version before it, line by line.</summary>
[Authorize(Policy = ContentPermissions.ManagePages)]
public sealed class VersionModel(Services.BoardPages pages) : BoardPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Number { get; set; }

    public BoardPageVersion From { get; private set; } = default!;

    public BoardPageVersion To { get; private set; } = default!;

    public IReadOnlyList<FieldChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var page = await pages.FindAsync(Id, cancellationToken);
        var to = page?.Versions.SingleOrDefault(v => v.Number == Number);
        var from = page?.Versions.Where(v => v.Number < Number).MaxBy(v => v.Number);
        if (to is null || from is null)
        {
            return NotFound();
        }

        (From, To) = (from, to);
        Changes = PageVersionChanges.Compare(from, to);
        return Page();
    }
}
