using LearningHub.Content.Domain;
using LearningHub.Content.Services;
using LearningHub.Core.Markdown;
using LearningHub.Core.Pages;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Content.Pages.Manage.Pages;

/// <summary>The draft as readers will see it, with the button that publishes it; the published version when there is no draft.</summary>
[Authorize(Policy = ContentPermissions.ManagePages)]
public sealed class PreviewModel(Services.BoardPages pages, MediaLibrary media) : BoardPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public BoardPage Item { get; private set; } = default!;

    public PageContentView View { get; private set; } = default!;

    public bool IsDraft => Item.DraftVersionId is not null;

    public bool Published { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool published, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Published = published;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        // Publishing twice (a double click, a second tab) finds no draft the second time: nothing more to do.
        if (IsDraft)
        {
            await pages.PublishAsync(Item, UserName, cancellationToken);
        }

        return RedirectToPage("/Manage/Pages/Preview", new { id = Id, published = true });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await pages.FindAsync(Id, cancellationToken) is not { } page)
        {
            return false;
        }

        Item = page;
        var version = Services.BoardPages.Current(page);
        View = new PageContentView(version, await media.FindImagesAsync(SafeMarkdown.MediaIds(version.Body), cancellationToken));
        return true;
    }
}
