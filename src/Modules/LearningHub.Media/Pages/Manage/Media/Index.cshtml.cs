using LearningHub.Core.Pages;
using LearningHub.Core.Time;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Media.Pages.Manage.Media;

/// <summary>The board's image library: list, search by name or alt text, and whether originals are kept.</summary>
[Authorize(Policy = MediaPermissions.ManageMedia)]
public sealed class IndexModel(MediaLibrary library) : BoardPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>TempData key for the name of an image just deleted (kept out of the address so it cannot be spoofed).</summary>
    public const string DeletedKey = "media:deleted";

    public string? Deleted { get; private set; }

    public bool CanProcessImages => library.CanProcessImages;

    public bool KeepOriginals { get; private set; }

    public IReadOnlyList<Row> Assets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var assets = await library.SearchAsync(Q, cancellationToken: cancellationToken);
        Assets = assets.Select(a => new Row(a.Id, a.OriginalName, a.AltText, a.Decorative, a.Width, a.Height,
            LondonTime.ToLondon(a.CreatedUtc).ToString("d MMMM yyyy"), a.CreatedByName, library.ToImage(a))).ToList();
        KeepOriginals = await library.KeepsOriginalsAsync(cancellationToken);
        Deleted = TempData[DeletedKey] as string;
    }

    public async Task<IActionResult> OnPostOriginalsAsync(bool keepOriginals, CancellationToken cancellationToken)
    {
        await library.SetKeepOriginalsAsync(keepOriginals, cancellationToken);
        return RedirectToPage("/Manage/Media/Index");
    }

    public sealed record Row(Guid Id, string Name, string? AltText, bool Decorative, int Width, int Height, string Uploaded, string UploadedBy, MediaImage Image);
}
