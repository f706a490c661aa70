using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Pages.Modules;

/// <summary>One section of a module: read it, answer its reflective questions, mark it as done.</summary>
[Authorize]
public sealed class SectionModel(CaseCatalogue catalogue, CaseLearning learning, MediaLibrary media, LearningHubDbContext db) : CasesPageModel
{
    /// <summary>The library images the section's text shows (<c>![](media:{id})</c>), loaded in one query.</summary>
    public IReadOnlyDictionary<Guid, MediaImage> Images { get; private set; } = new Dictionary<Guid, MediaImage>();

    public PublishedModule Published { get; private set; } = null!;

    public CaseSection Section { get; private set; } = null!;

    public int Number { get; private set; }

    public int SectionCount { get; private set; }

    public bool IsDone { get; private set; }

    /// <summary>One answer per question, in the section's order (long text).</summary>
    [BindProperty]
    public List<string?> Answers { get; set; } = [];

    public IReadOnlyList<ReflectiveQuestion> Questions => Section.Questions.OrderBy(q => q.Position).ToList();

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, number, cancellationToken))
        {
            return NotFound();
        }

        var progress = await learning.OpenAsync(UserId!, Published.Version, cancellationToken);
        IsDone = progress.SectionsDone.Any(d => d.SectionId == Section.Id);
        Answers = Questions.Select(q => progress.Answers.FirstOrDefault(a => a.QuestionId == q.Id)?.Text).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, number, cancellationToken))
        {
            return NotFound();
        }

        var questions = Questions;
        var answers = questions.Select((q, i) => (q.Id, Text: i < Answers.Count ? Answers[i] : null))
            .ToDictionary(a => a.Id, a => a.Text);
        var email = await db.Users.Where(u => u.Id == UserId).Select(u => u.Email).SingleAsync(cancellationToken);
        var result = await learning.CompleteSectionAsync(UserId!, UserName, email!, Published.Version, Section, answers,
            code => $"{SiteUrl}/{BoardSlug}/certificates/{code}", cancellationToken);
        if (!result.Succeeded)
        {
            for (var i = 0; i < questions.Count; i++)
            {
                if (result.Problems.TryGetValue(questions[i].Id, out var problem))
                {
                    ModelState.AddModelError($"Answers[{i}]", problem);
                }
            }

            return Page();
        }

        if (result.ModuleCompleted)
        {
            return Redirect($"/{BoardSlug}/certificates/{result.CertificateCode}?completed=true");
        }

        return Redirect(number < SectionCount
            ? $"/{BoardSlug}/modules/{slug}/sections/{number + 1}"
            : $"/{BoardSlug}/modules/{slug}");
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
