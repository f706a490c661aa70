using System.ComponentModel.DataAnnotations;
using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using LearningHub.Core.Markdown;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Pages.Author;

/// <summary>
/// Add or edit a section of the draft: kind, title, Markdown body with a preview. Its reflective questions are a
/// Forms form attached to the section: this page makes one and links to the form builder, where they are edited.
/// </summary>
[Authorize(Policy = CasesPermissions.Author)]
public sealed class SectionModel(CaseWorkflow workflow, MediaLibrary media, LearningHubDbContext db, SectionReflection reflection) : CasesPageModel
{
    /// <summary>How many library images the "Insert an image" list shows (newest first, or matching the search).</summary>
    public const int PickerLimit = 30;

    [BindProperty]
    public SectionInput Input { get; set; } = new();

    public Guid ModuleId { get; private set; }

    public bool IsNew { get; private set; }

    /// <summary>The body as practitioners will see it, after "Preview".</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent? Preview { get; private set; }

    /// <summary>What the author typed to find an image to insert.</summary>
    [BindProperty]
    public string? ImageSearch { get; set; }

    /// <summary>Library images the author can insert into the text.</summary>
    public IReadOnlyList<MediaImage> PickerImages { get; private set; } = [];

    /// <summary>The section's reflective questions (Forms forms attached to it); empty for a new section or one without.</summary>
    public IReadOnlyList<LearningHub.Forms.Services.FormInfo> ReflectionForms { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Kinds { get; } =
        Enum.GetValues<SectionKind>().Select(k => new SelectListItem(CaseText.Of(k), k.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, string sectionId, CancellationToken cancellationToken)
    {
        if (!await db.Set<CaseModule>().AnyAsync(m => m.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var (version, section) = await LoadAsync(id, sectionId, cancellationToken);
        if (version is null)
        {
            return RedirectToPage("/Author/Module", new { id });
        }

        if (section is null && !IsNew)
        {
            return NotFound();
        }

        Input = section is null ? new SectionInput() : new SectionInput
        {
            Kind = section.Kind,
            Title = section.Title,
            Body = section.Body,
        };
        await LoadPickerAsync(cancellationToken);
        await LoadReflectionAsync(version, section, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string sectionId, string? action, Guid? insertImage, CancellationToken cancellationToken)
    {
        if (!await db.Set<CaseModule>().AnyAsync(m => m.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var (version, section) = await LoadAsync(id, sectionId, cancellationToken);
        if (version is null)
        {
            return RedirectToPage("/Author/Module", new { id });
        }

        if (section is null && !IsNew)
        {
            return NotFound();
        }

        if (insertImage is { } imageId)
        {
            // Inserting is not a save: the reference goes at the end of the text, everything typed is kept.
            ModelState.Clear();
            if (await media.FindImageAsync(imageId, cancellationToken) is not null)
            {
                Input.Body = $"{Input.Body?.TrimEnd()}{(string.IsNullOrWhiteSpace(Input.Body) ? "" : "\n\n")}![]({CaseMarkdown.MediaScheme}{imageId:D})\n";
                Inserted = true;
            }

            return await RedisplayAsync(version, section, cancellationToken);
        }

        if (action is "preview" or "search-images")
        {
            // A preview is not a save: no errors are shown for fields not yet filled in.
            ModelState.Clear();
            if (action == "preview")
            {
                // Text the renderer refuses is the one error a preview shows: it is why there is nothing to see.
                if (CaseMarkdown.NestingError(Input.Body) is { } error)
                {
                    ModelState.AddModelError("Input.Body", error);
                }
                else
                {
                    Preview = await RenderAsync(Input.Body, cancellationToken);
                }
            }

            return await RedisplayAsync(version, section, cancellationToken);
        }

        await CheckImagesAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(version, section, cancellationToken);
        }

        if (section is null)
        {
            var position = await db.Set<CaseSection>().Where(s => s.VersionId == version.Id).MaxAsync(s => (int?)s.Position, cancellationToken) ?? -1;
            section = new CaseSection { VersionId = version.Id, Position = position + 1 };
            db.Add(section);
        }

        section.Kind = Input.Kind!.Value;
        section.Title = Input.Title!.Trim();
        section.Body = Input.Body!.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Author/Module", new { id });
    }

    /// <summary>True after "Insert": the page says where the reference went.</summary>
    public bool Inserted { get; private set; }

    private async Task<IActionResult> RedisplayAsync(CaseModuleVersion version, CaseSection? section, CancellationToken cancellationToken)
    {
        await LoadPickerAsync(cancellationToken);
        await LoadReflectionAsync(version, section, cancellationToken);
        return Page();
    }

    private async Task LoadPickerAsync(CancellationToken cancellationToken)
    {
        var assets = await media.SearchAsync(ImageSearch, PickerLimit, cancellationToken);
        PickerImages = assets.Select(media.ToImage).ToList();
    }

    private async Task<Microsoft.AspNetCore.Html.IHtmlContent> RenderAsync(string? markdown, CancellationToken cancellationToken)
    {
        var ids = CaseMarkdown.MediaIds(markdown);
        var images = ids.Count > 0 ? await media.FindImagesAsync(ids, cancellationToken) : new Dictionary<Guid, MediaImage>();
        return new CaseMarkdown().Render(markdown, images);
    }

    /// <summary>Every <c>![](media:…)</c> in the text must be an image in this board's library.</summary>
    private async Task CheckImagesAsync(CancellationToken cancellationToken)
    {
        var references = CaseMarkdown.MediaReferences(Input.Body);
        if (references.Count == 0)
        {
            return;
        }

        var found = await media.FindImagesAsync(references.Where(r => r.Id is not null).Select(r => r.Id!.Value), cancellationToken);
        var missing = references.Where(r => r.Id is not { } id || !found.ContainsKey(id)).Select(r => r.Reference).Distinct().ToList();
        if (missing.Count > 0)
        {
            var list = string.Join(", ", missing.Select(m => $"media:{m}"));
            ModelState.AddModelError("Input.Body", missing.Count == 1
                ? $"The image {list} is not in this board's image library. Remove it, or use Insert an image to add one from the library"
                : $"The images {list} are not in this board's image library. Remove them, or use Insert an image to add ones from the library");
        }
    }

    /// <summary>
    /// Makes the section's reflective questions form (or finds the one it has) and opens it in the form builder,
    /// where the author adds the questions. The form belongs to the section across versions.
    /// </summary>
    public async Task<IActionResult> OnPostReflectionAsync(Guid id, string sectionId, CancellationToken cancellationToken)
    {
        var (version, section) = await LoadAsync(id, sectionId, cancellationToken);
        if (version is null)
        {
            return RedirectToPage("/Author/Module", new { id });
        }

        if (section is null)
        {
            return NotFound();
        }

        var form = await reflection.EnsureFormAsync(version.Module.Slug, version.Title, section, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Admin/Forms/Edit", new { id = form.Id });
    }

    private async Task LoadReflectionAsync(CaseModuleVersion version, CaseSection? section, CancellationToken cancellationToken)
    {
        if (section is not null)
        {
            ReflectionForms = await reflection.FormsAsync(version.Module.Slug, section, cancellationToken);
        }
    }

    private async Task<(CaseModuleVersion? Version, CaseSection? Section)> LoadAsync(Guid id, string sectionId, CancellationToken cancellationToken)
    {
        ModuleId = id;
        IsNew = sectionId == "new";
        CaseModuleVersion version;
        try
        {
            version = await workflow.EditableAsync(id, cancellationToken);
        }
        catch (WorkflowException)
        {
            return (null, null);
        }

        var section = !IsNew && Guid.TryParse(sectionId, out var sid)
            ? await db.Set<CaseSection>().SingleOrDefaultAsync(s => s.Id == sid && s.VersionId == version.Id, cancellationToken)
            : null;
        return (version, section);
    }

    public sealed class SectionInput
    {
        [Display(Order = 1)]
        [Required(ErrorMessage = "Select the kind of section")]
        public SectionKind? Kind { get; set; }

        [Display(Order = 2)]
        [Required(ErrorMessage = "Enter the section's title")]
        [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
        public string? Title { get; set; }

        [Display(Order = 3)]
        [Required(ErrorMessage = "Enter the section's text")]
        [StringLength(20000, ErrorMessage = "The text must be 20,000 characters or fewer")]
        [RenderableMarkdown]
        public string? Body { get; set; }
    }
}
