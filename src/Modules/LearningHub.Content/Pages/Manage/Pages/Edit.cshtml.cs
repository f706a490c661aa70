using LearningHub.Content.Domain;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Content.Pages.Manage.Pages;

/// <summary>
/// Change a page: the draft if there is one, otherwise a new draft starting from the published words. Readers see
/// the published version until the draft is published from the preview. Lists the versions, each with what changed.
/// </summary>
public sealed class EditModel(Services.BoardPages pages) : PageFormModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public BoardPage Item { get; private set; } = default!;

    public bool HasDraft => Item.DraftVersionId is not null;

    public IReadOnlyList<BoardPageVersion> Versions => Item.Versions.OrderByDescending(v => v.Number).ToList();

    /// <summary>Just withdrawn from the site (<see cref="WithdrawModel"/>).</summary>
    public bool Withdrawn { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool withdrawn, CancellationToken cancellationToken)
    {
        if (await pages.FindAsync(Id, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        Item = page;
        Withdrawn = withdrawn && page.PublishedVersionId is null;
        Input = PageInput.Of(Services.BoardPages.Current(page));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await pages.FindAsync(Id, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        Item = page;
        if (await Input.ValidateAsync(ModelState, nameof(Input), pages, Id, cancellationToken) is not { } words)
        {
            return Page();
        }

        await pages.SaveDraftAsync(page, words, UserName, cancellationToken);
        return RedirectToPage("/Manage/Pages/Preview", new { id = Id });
    }
}
