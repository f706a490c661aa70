using LearningHub.Core.Hosting;
using LearningHub.Core.Pages;
using LearningHub.Core.Taxonomies;
using LearningHub.Media.Pages.Manage.Media;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Media.Pages.Manage.Resources;

/// <summary>
/// Changes a resource's details, or replaces its document (checked like a new one). Saved as the board's edit: the
/// board's recipe applied again leaves it alone. Another board's resource is not found.
/// </summary>
[Authorize(Policy = MediaPermissions.ManageMedia)]
public sealed class EditModel(ResourceLibrary library, BoardTerms terms) : BoardPageModel, IResourceFormPage
{
    [BindProperty]
    public ResourceInput Input { get; set; } = new();

    public IReadOnlyList<TermChoice> Themes { get; private set; } = [];

    public string FileHint => ResourcePages.FileHint(library.Options);

    public string? CurrentFile { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var resource = await library.FindAsync(id, cancellationToken);
        if (resource is null)
        {
            return NotFound();
        }

        Input = ResourceInput.From(resource);
        return await ShowAsync(resource, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var resource = await library.FindAsync(id, cancellationToken);
        if (resource is null)
        {
            return NotFound();
        }

        // A new document is optional here: without one the resource keeps its own.
        CheckedDocument? document = null;
        if (Input.File is not null || HttpContext.PostedFileWasTooLarge(ResourceInput.FileField))
        {
            var (file, fileError) = await UploadReader.ReadAsync(HttpContext, ResourceInput.FileField, Input.File, library.Options.MaxResourceBytes,
                MediaMessages.NoDocument, cancellationToken);
            (document, var error) = file is null ? (null, fileError) : library.Check(file);
            if (error is not null)
            {
                ModelState.AddModelError(ResourceInput.FileField, error);
            }
        }

        var details = Input.Read(ModelState, resource.LinkPath);
        if (details is null || !ModelState.IsValid)
        {
            return await ShowAsync(resource, cancellationToken);
        }

        await library.UpdateAsync(id, details, document, cancellationToken);
        return RedirectToPage("/Resources/Resource", new { id, changed = "true" });
    }

    private async Task<IActionResult> ShowAsync(Domain.Resource resource, CancellationToken cancellationToken)
    {
        Themes = await terms.ThemesAsync(cancellationToken);
        CurrentFile = resource.FileName;
        return Page();
    }
}
