using LearningHub.Core.Boards;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Media.Pages;

/// <summary>
/// The "choose a cover image" page every module with covers has (case modules, events, roadshows): the board's
/// library images as radios via the shared partial <c>_MediaImageChoice</c>, the posted choice checked against
/// them, and the owner saved. A page derives from this, carries its own <c>@page</c> route and
/// <c>[Authorize]</c> policy, and says only how to load its owner, set the cover and where to go next.
/// </summary>
public abstract class CoverImagePageModel : PageModel
{
    /// <summary>The chosen image's id, or empty for no cover image.</summary>
    [BindProperty]
    public string? CoverImage { get; set; }

    public IReadOnlyList<MediaImage> Images { get; private set; } = [];

    public string BoardSlug => HttpContext.RequestServices.GetRequiredService<BoardContext>().Required.Slug;

    /// <summary>Loads the thing the cover belongs to (tracked, for saving) and returns its current cover, or false if there is no such thing on this board.</summary>
    protected abstract Task<(bool Found, Guid? Current)> LoadOwnerAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Sets the loaded owner's cover and saves it.</summary>
    protected abstract Task SaveCoverAsync(Guid? imageId, CancellationToken cancellationToken);

    /// <summary>Board-relative address to return to once the cover is saved, e.g. <c>/events/manage/{id}</c>.</summary>
    protected abstract string ReturnPath(Guid id);

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
        return Redirect($"/{BoardSlug}{ReturnPath(id)}");
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
