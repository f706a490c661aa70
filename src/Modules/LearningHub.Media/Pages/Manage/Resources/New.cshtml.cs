using LearningHub.Core.Pages;
using LearningHub.Core.Taxonomies;
using LearningHub.Media.Pages.Manage.Media;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Media.Pages.Manage.Resources;

/// <summary>Adds a document to the board's resources library: checked by its bytes and size before anything is stored.</summary>
[Authorize(Policy = MediaPermissions.ManageMedia)]
public sealed class NewModel(ResourceLibrary library, BoardTerms terms) : BoardPageModel, IResourceFormPage
{
    [BindProperty]
    public ResourceInput Input { get; set; } = new();

    public IReadOnlyList<TermChoice> Themes { get; private set; } = [];

    public string FileHint => ResourcePages.FileHint(library.Options);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Themes = await terms.ThemesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (file, fileError) = await UploadReader.ReadAsync(HttpContext, ResourceInput.FileField, Input.File, library.Options.MaxResourceBytes,
            MediaMessages.NoDocument, cancellationToken);
        var (document, error) = file is null ? (null, fileError) : library.Check(file);
        if (error is not null)
        {
            ModelState.AddModelError(ResourceInput.FileField, error);
        }

        var details = Input.Read(ModelState, linkPath: null);
        if (details is null || document is null)
        {
            Themes = await terms.ThemesAsync(cancellationToken);
            return Page();
        }

        var resource = await library.CreateAsync(details, document, new MediaActor(UserId!, UserName), cancellationToken: cancellationToken);
        return RedirectToPage("/Resources/Resource", new { id = resource.Id, added = "true" });
    }
}
