using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events.Manage;

/// <summary>Choose the event's cover image from the board's media library (or none).</summary>
[Authorize(Policy = EventsPermissions.ManageEvents)]
public sealed class CoverModel(LearningHubDbContext db, MediaLibrary library, BoardContext boards) : PageModel
{
    /// <summary>The chosen image's id, or empty for none.</summary>
    [BindProperty]
    public string? CoverImage { get; set; }

    public LearningEvent Event { get; private set; } = null!;

    public IReadOnlyList<MediaImage> Images { get; private set; } = [];

    public string BoardSlug => boards.Required.Slug;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        CoverImage = Event.CoverImageId?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var (chosen, valid) = MediaImageChoice.Read(CoverImage, Images);
        if (!valid)
        {
            ModelState.AddModelError(nameof(CoverImage), MediaImageChoice.NotOffered);
            return Page();
        }

        Event.CoverImageId = chosen;
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/{BoardSlug}/events/manage/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Set<LearningEvent>().SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } ev)
        {
            return false;
        }

        Event = ev;
        Images = (await library.SearchAsync(null, cancellationToken: cancellationToken)).Select(library.ToImage).ToList();
        return true;
    }
}
