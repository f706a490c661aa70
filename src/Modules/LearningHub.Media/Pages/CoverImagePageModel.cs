using LearningHub.Core.Pages;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Media.Pages;

/// <summary>
/// The "choose a cover image" page every module with covers has (case modules, events, roadshows): the board's
/// library images as radios via the shared partial <c>_MediaImageChoice</c>, the posted choice checked against
/// them, and the owner saved. A page derives from this, carries its own <c>@page</c> route and
/// <c>[Authorize]</c> policy, and says only how to load its owner, set the cover and which page to go back to.
/// </summary>
public abstract class CoverImagePageModel : BoardPageModel
{
    /// <summary>The chosen image's id, or empty for no cover image.</summary>
    [BindProperty]
    public string? CoverImage { get; set; }

    public IReadOnlyList<MediaImage> Images { get; private set; } = [];

    /// <summary>Loads the thing the cover belongs to (tracked, for saving) and returns its current cover, or false if there is no such thing on this board.</summary>
    protected abstract Task<(bool Found, Guid? Current)> LoadOwnerAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Sets the loaded owner's cover and saves it.</summary>
    protected abstract Task SaveCoverAsync(Guid? imageId, CancellationToken cancellationToken);

    /// <summary>The page to go back to once the cover is saved, given the owner's id as <c>id</c>, e.g. <c>/Author/Module</c>.</summary>
    protected abstract string ReturnPage { get; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var (found, current) = await LoadAsync(id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        CoverImage = current?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await LoadAsync(id, cancellationToken)).Found)
        {
            return NotFound();
        }

        var (chosen, valid) = MediaImageChoice.Read(CoverImage, Images);
        if (!valid)
        {
            ModelState.AddModelError(nameof(CoverImage), MediaImageChoice.NotOffered);
            return Page();
        }

        await SaveCoverAsync(chosen, cancellationToken);
        return RedirectToPage(ReturnPage, new { id });
    }

    private async Task<(bool Found, Guid? Current)> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var owner = await LoadOwnerAsync(id, cancellationToken);
        if (owner.Found)
        {
            var library = HttpContext.RequestServices.GetRequiredService<MediaLibrary>();
            Images = (await library.SearchAsync(null, cancellationToken: cancellationToken)).Select(library.ToImage).ToList();
        }

        return owner;
    }
}
