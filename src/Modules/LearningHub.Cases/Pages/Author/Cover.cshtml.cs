using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Pages.Author;

/// <summary>Choose the module's cover image from the board's media library (or none).</summary>
[Authorize(Policy = CasesPermissions.Author)]
public sealed class CoverModel(LearningHubDbContext db, MediaLibrary library) : CasesPageModel
{
    /// <summary>The chosen image's id, or empty for no cover image.</summary>
    [BindProperty]
    public string? CoverImage { get; set; }

    public CaseModule Module { get; private set; } = null!;

    public IReadOnlyList<MediaImage> Images { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } module)
        {
            return NotFound();
        }

        CoverImage = module.CoverImageId?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } module)
        {
            return NotFound();
        }

        var (chosen, valid) = MediaImageChoice.Read(CoverImage, Images);
        if (!valid)
        {
            ModelState.AddModelError(nameof(CoverImage), MediaImageChoice.NotOffered);
            return Page();
        }

        module.CoverImageId = chosen;
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/{BoardSlug}/author/modules/{id}");
    }

    private async Task<CaseModule?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var module = await db.Set<CaseModule>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (module is null)
        {
            return null;
        }

        Module = module;
        Images = (await library.SearchAsync(null, cancellationToken: cancellationToken)).Select(library.ToImage).ToList();
        return module;
    }
}
