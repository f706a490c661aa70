using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Pages;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Media.Pages.Manage.Media;

/// <summary>Upload one image with its alt text (or the explicit choice that it is decorative).</summary>
[Authorize(Policy = MediaPermissions.ManageMedia)]
public sealed class UploadModel(MediaLibrary library) : BoardPageModel
{
    private const string FileField = "Input.File";

    [BindProperty]
    public UploadInput Input { get; set; } = new();

    public bool CanProcessImages => library.CanProcessImages;

    public string FileHint => $"A JPG, PNG, WebP or GIF (its first frame) smaller than {library.Options.MaxUploadBytes / (1024 * 1024)}MB. If there is a problem with the form you will need to choose the file again.";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.Decorative && string.IsNullOrWhiteSpace(Input.AltText))
        {
            ModelState.AddModelError("Input.AltText", MediaMessages.AltTextMissing);
        }

        var (file, fileError) = library.CanProcessImages
            ? await UploadReader.ReadAsync(HttpContext, FileField, Input.File, library.Options, cancellationToken)
            : (null, MediaMessages.Unavailable);
        if (fileError is not null)
        {
            ModelState.AddModelError(FileField, fileError);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await library.UploadAsync(file!, Input.AltText, Input.Decorative, new MediaActor(UserId!, UserName), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(FileField, result.Error!);
            return Page();
        }

        return RedirectToPage("/Manage/Media/Details", new { id = result.Asset!.Id, uploaded = "true" });
    }

    public sealed class UploadInput
    {
        [Display(Order = 1)]
        public IFormFile? File { get; set; }

        [Display(Order = 2)]
        [StringLength(1000, ErrorMessage = MediaMessages.AltTextTooLong)]
        public string? AltText { get; set; }

        [Display(Order = 3)]
        public bool Decorative { get; set; }
    }
}
