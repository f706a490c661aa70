using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Pages;
using LearningHub.Core.Time;
using LearningHub.Media.Domain;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Media.Pages.Manage.Media;

/// <summary>One image: what it is, where it is used, change its alt text, replace it, delete it (refused while used).</summary>
[Authorize(Policy = MediaPermissions.ManageMedia)]
public sealed class DetailsModel(MediaLibrary library) : BoardPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AltInput Alt { get; set; } = new();

    [BindProperty]
    public IFormFile? Replacement { get; set; }

    public MediaAsset Asset { get; private set; } = default!;

    public IReadOnlyList<MediaUsage> Usages { get; private set; } = [];

    public string? Notice { get; private set; }

    public bool CanProcessImages => library.CanProcessImages;

    public string Uploaded => LondonTime.ToLondon(Asset.CreatedUtc).ToString("d MMMM yyyy 'at' h:mmtt").Replace("AM", "am").Replace("PM", "pm");

    public string FileSize => Asset.ByteSize >= 1024 * 1024 ? $"{Asset.ByteSize / (1024.0 * 1024.0):0.0}MB" : $"{Math.Max(1, Asset.ByteSize / 1024)}KB";

    public async Task<IActionResult> OnGetAsync(bool uploaded, bool replaced, bool saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Alt = new AltInput { AltText = Asset.AltText, Decorative = Asset.Decorative };
        Notice = uploaded ? "The image was uploaded" : replaced ? "The image was replaced" : saved ? "The alt text was saved" : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAltTextAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!Alt.Decorative && string.IsNullOrWhiteSpace(Alt.AltText))
        {
            ModelState.AddModelError("Alt.AltText", MediaMessages.AltTextMissing);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await library.UpdateAltTextAsync(Id, Alt.AltText, Alt.Decorative, cancellationToken);
        return RedirectToPage("/Manage/Media/Details", new { id = Id, saved = "true" });
    }

    public async Task<IActionResult> OnPostReplaceAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Alt = new AltInput { AltText = Asset.AltText, Decorative = Asset.Decorative };
        var (file, error) = library.CanProcessImages
            ? await UploadReader.ReadAsync(HttpContext, nameof(Replacement), Replacement, library.Options, cancellationToken)
            : (null, MediaMessages.Unavailable);
        if (error is null)
        {
            var result = await library.ReplaceAsync(Id, file!, cancellationToken);
            error = result.Error;
        }

        if (error is not null)
        {
            ModelState.AddModelError(nameof(Replacement), error);
            return Page();
        }

        return RedirectToPage("/Manage/Media/Details", new { id = Id, replaced = "true" });
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Alt = new AltInput { AltText = Asset.AltText, Decorative = Asset.Decorative };
        var result = await library.DeleteAsync(Id, cancellationToken);
        if (!result.Deleted)
        {
            ModelState.AddModelError("", $"This image cannot be deleted because it is used in: {string.Join("; ", result.UsedIn.Select(u => u.Description))}. Remove it from there first");
            return Page();
        }

        TempData[IndexModel.DeletedKey] = Asset.OriginalName;
        return RedirectToPage("/Manage/Media/Index");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var asset = await library.FindAsync(Id, cancellationToken);
        if (asset is null)
        {
            return false;
        }

        Asset = asset;
        Usages = await library.WhereUsedAsync(Id, cancellationToken);
        return true;
    }

    public sealed class AltInput
    {
        [Display(Order = 1)]
        [StringLength(1000, ErrorMessage = MediaMessages.AltTextTooLong)]
        public string? AltText { get; set; }

        [Display(Order = 2)]
        public bool Decorative { get; set; }
    }
}
