using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using LearningHub.Media.Services;
using LearningHub.Forms.Pages.Forms;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Pages.Modules;

/// <summary>
/// One section of a module: read it, answer its reflective questions at its end on the same page, mark it as
/// done. The questions are Forms forms: this page shows them with Forms' own question partial and keeps the
/// answers through Forms' services (<see cref="FormResponses"/>), so Forms still holds the questions and answers.
/// Posting checks every answer first; with any error nothing is saved and the page comes back as typed.
/// Marking it done then asks Forms whether its required reflective questions are answered.
/// </summary>
[Authorize]
public sealed class SectionModel(CaseCatalogue catalogue, CaseLearning learning, SectionReflection reflection, FormResponses responses,
    MediaLibrary media, LearningHubDbContext db) : CasesPageModel
{
    /// <summary>The library images the section's text shows (<c>![](media:{id})</c>), loaded in one query.</summary>
    public IReadOnlyDictionary<Guid, MediaImage> Images { get; private set; } = new Dictionary<Guid, MediaImage>();

    public PublishedModule Published { get; private set; } = null!;

    public CaseSection Section { get; private set; } = null!;

    public int Number { get; private set; }

    public int SectionCount { get; private set; }

    public bool IsDone { get; private set; }

    /// <summary>The section's reflective questions, each form with its fields and whether this person has answered it.</summary>
    public IReadOnlyList<InlineReflection> Reflection { get; private set; } = [];

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

        await LoadReflectionAsync(cancellationToken);
        var form = Request.HasFormContentType ? Request.Form : null;
        Microsoft.Extensions.Primitives.StringValues Posted(string name) => form is not null && form.TryGetValue(name, out var v) ? v : default;
        var toSave = new List<(InlineReflection Item, List<AnswerCheck> Checks)>();
        var open = Reflection.Where(r => !r.Answered).ToList();
        foreach (var item in open)
        {
            var checks = item.Session.Questions.Select(q => AnswerValidator.Check(q, Posted)).ToList();
            foreach (var check in checks.Where(c => !c.IsValid))
            {
                ModelState.AddModelError(AnswerValidator.FirstControlId(check.Question), check.Error!);
            }

            toSave.Add((item, checks));
        }

        if (!ModelState.IsValid)
        {
            Reflection = Reflection.Select(r => toSave.FirstOrDefault(t => t.Item == r) is { Item: not null } saved
                ? r with { Fields = saved.Checks.Select(c => QuestionField.FromPosted(c.Question, Posted, c.Error)).ToList() }
                : r).ToList();
            return Page();
        }

        foreach (var (item, checks) in toSave)
        {
            await responses.SavePageAsync(item.Session, item.Context, UserId!, checks, cancellationToken);
            // Reopened so the submission sees the draft the save just made.
            var saved = await responses.OpenAsync(item.Form.Key, item.Context, UserId!, cancellationToken);
            if (saved is not null)
            {
                await responses.SubmitAsync(saved, item.Context, UserId!, cancellationToken);
            }
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
        var list = new List<InlineReflection>();
        foreach (var form in await reflection.FormsAsync(slug, Section, cancellationToken))
        {
            if (form.QuestionCount > 0 && await responses.OpenAsync(form.Key, context, UserId!, cancellationToken) is { MayAnswer: true } session)
            {
                list.Add(new InlineReflection(form, context, session, session.AlreadySubmitted,
                    session.Questions.Select(q => QuestionField.FromStored(q, session.StoredAnswer(q))).ToList()));
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

/// <summary>One reflection form of the section as this person sees it: answered already, or its questions to fill in.</summary>
public sealed record InlineReflection(FormInfo Form, string Context, FillingSession Session, bool Answered, IReadOnlyList<QuestionField> Fields);
