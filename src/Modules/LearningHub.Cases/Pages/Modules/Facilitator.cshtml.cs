using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Cases.Pages.Modules;

/// <summary>
/// A published module on one printable page for a team meeting or supervision: key messages, the case in brief,
/// each section's reflective questions (and any team activities the section keeps "For facilitators") as
/// discussion questions, and the practice actions by role. For signed-in people of the module's board: it
/// gathers the questions the module asks, and nothing anyone answered. The same page comes as a PDF, printed
/// by Chromium as the browser would print it (<see cref="PdfOfPage"/>); without Chromium the page offers printing.
/// </summary>
[Authorize]
[ServiceFilter(typeof(PdfOfPage))]
public sealed class FacilitatorModel(CaseCatalogue catalogue, SectionReflection reflection, FormResponses responses, PagePdf pdf) : CasesPageModel
{
    public PublishedModule Published { get; private set; } = null!;

    public IReadOnlyList<SectionDiscussion> Discussion { get; private set; } = [];

    public bool PdfAvailable => pdf.IsAvailable;

    public bool PdfUnavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, bool pdfFailed, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        PdfUnavailable = pdfFailed || !pdf.IsAvailable;
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        PdfOfPage.Request(HttpContext, $"{slug}-facilitator-view.pdf", PaperLayout.Portrait);
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var published = await catalogue.PublishedAsync(slug, cancellationToken);
        if (published is null)
        {
            return false;
        }

        Published = published;
        var discussion = new List<SectionDiscussion>();
        foreach (var section in published.Version.Sections.OrderBy(s => s.Position))
        {
            var questions = new List<string>();
            var context = CaseReflection.Context(slug, section.Key);
            foreach (var form in await reflection.FormsAsync(slug, section, cancellationToken))
            {
                // Opening reads the form's questions (the version this person would answer); it saves nothing.
                if (await responses.OpenAsync(form.Key, context, UserId!, cancellationToken) is { } session)
                {
                    questions.AddRange(session.Questions.Select(q => q.Text));
                }
            }

            var notes = FacilitatorNotes.From(section.Body);
            if (questions.Count > 0 || notes.Count > 0)
            {
                discussion.Add(new SectionDiscussion(section, questions, notes));
            }
        }

        Discussion = discussion;
        return true;
    }
}

/// <summary>A section's questions for discussion and the parts of its text written for facilitators.</summary>
public sealed record SectionDiscussion(CaseSection Section, IReadOnlyList<string> Questions, IReadOnlyList<string> FacilitatorNotes);
