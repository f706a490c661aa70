using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using LearningHub.Media.Services;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Pages.Modules;

/// <summary>
/// One section of a module: read it, answer its reflective questions (Forms' question pages, which come back
/// here), mark it as done. Marking it done asks Forms whether its required reflective questions are answered.
/// </summary>
[Authorize]
public sealed class SectionModel(CaseCatalogue catalogue, CaseLearning learning, SectionReflection reflection, IFormFilling forms,
    MediaLibrary media, LearningHubDbContext db) : CasesPageModel
{
    /// <summary>The library images the section's text shows (<c>![](media:{id})</c>), loaded in one query.</summary>
    public IReadOnlyDictionary<Guid, MediaImage> Images { get; private set; } = new Dictionary<Guid, MediaImage>();

    public PublishedModule Published { get; private set; } = null!;

    public CaseSection Section { get; private set; } = null!;

    public int Number { get; private set; }

    public int SectionCount { get; private set; }

    public bool IsDone { get; private set; }

    /// <summary>The section's reflective questions, with where to answer them and whether this person has.</summary>
    public IReadOnlyList<ReflectionForm> Reflection { get; private set; } = [];

    /// <summary>The model state key (and element id) of the reflective questions, for the error summary's link.</summary>
    public const string ReflectionField = "reflection";

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, number, cancellationToken))
        {
            return NotFound();
        }

        var progress = await learning.OpenAsync(UserId!, Published.Version, cancellationToken);
        IsDone = progress.SectionsDone.Any(d => d.SectionId == Section.Id);
        await LoadReflectionAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, number, cancellationToken))
        {
            return NotFound();
        }

        var email = await db.Users.Where(u => u.Id == UserId).Select(u => u.Email).SingleAsync(cancellationToken);
        var result = await learning.CompleteSectionAsync(UserId!, UserName, email!, Published.Version, Section, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(ReflectionField, result.Problem!);
            await LoadReflectionAsync(cancellationToken);
            return Page();
        }

        if (result.ModuleCompleted)
        {
            return RedirectToPage("/Certificates/Show", new { code = result.CertificateCode, completed = "true" });
        }

        return number < SectionCount
            ? RedirectToPage("/Modules/Section", new { slug, number = number + 1 })
            : RedirectToPage("/Modules/Module", new { slug });
    }

    private async Task LoadReflectionAsync(CancellationToken cancellationToken)
    {
        var slug = Published.Version.Module.Slug;
        var context = CaseReflection.Context(slug, Section.Key);
        var here = Url.Page("/Modules/Section", new { slug, number = Number })!;
        var list = new List<ReflectionForm>();
        foreach (var form in await reflection.FormsAsync(slug, Section, cancellationToken))
        {
            if (form.QuestionCount > 0)
            {
                list.Add(new ReflectionForm(form, forms.FillUrl(form.Key, context, here),
                    await forms.HasSubmittedAsync(form.Key, context, UserId!, cancellationToken)));
            }
        }

        Reflection = list;
    }

    private async Task<bool> LoadAsync(string slug, int number, CancellationToken cancellationToken)
    {
        var published = await catalogue.PublishedAsync(slug, cancellationToken);
        var sections = published?.Version.Sections.OrderBy(s => s.Position).ToList();
        if (published is null || sections is null || number < 1 || number > sections.Count)
        {
            return false;
        }

        Published = published;
        Section = sections[number - 1];
        Number = number;
        SectionCount = sections.Count;
        var imageIds = CaseMarkdown.MediaIds(Section.Body);
        if (imageIds.Count > 0)
        {
            Images = await media.FindImagesAsync(imageIds, cancellationToken);
        }

        return true;
    }
}

public sealed record ReflectionForm(FormInfo Form, string FillUrl, bool Answered);
