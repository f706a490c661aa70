using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using LearningHub.Theme.Base;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Pages.Author;

/// <summary>
/// "Are you sure" before deleting a section, chronology entry, finding or recommendation of a draft: the
/// module page links here, and only this page's POST deletes.
/// </summary>
[Authorize(Policy = CasesPermissions.Author)]
public sealed class DeleteModel(LearningHubDbContext db, CaseWorkflow workflow) : CasesPageModel
{
    public Guid ModuleId { get; private set; }

    public AreYouSure Question { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string part, Guid itemId, CancellationToken cancellationToken)
    {
        var item = await FindAsync(id, part, itemId, cancellationToken);
        if (item is null)
        {
            return await db.Set<CaseModule>().AnyAsync(m => m.Id == id, cancellationToken) ? RedirectToPage("/Author/Module", new { id }) : NotFound();
        }

        var (noun, text) = Describe(item);
        ModuleId = id;
        Question = new AreYouSure($"Are you sure you want to delete this {noun}?", text, $"Yes, delete this {noun}",
            Url.Page("/Author/Module", new { id })!, noun == "section" ? "Its text goes from this draft. Versions already published keep it." : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string part, Guid itemId, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, part, itemId, cancellationToken) is { } item)
        {
            db.Remove(item);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await db.Set<CaseModule>().AnyAsync(m => m.Id == id, cancellationToken) ? RedirectToPage("/Author/Module", new { id }) : NotFound();
    }

    /// <summary>The item of the module's draft, or null when the module has no draft (in review, published) or the item is not in it.</summary>
    private async Task<object?> FindAsync(Guid id, string part, Guid itemId, CancellationToken cancellationToken)
    {
        CaseModuleVersion version;
        try
        {
            version = await workflow.EditableAsync(id, cancellationToken);
        }
        catch (WorkflowException)
        {
            return null;
        }

        return part switch
        {
            "section" => await db.Set<CaseSection>().SingleOrDefaultAsync(s => s.Id == itemId && s.VersionId == version.Id, cancellationToken),
            "chronology" => await db.Set<CaseChronologyEntry>().SingleOrDefaultAsync(s => s.Id == itemId && s.VersionId == version.Id, cancellationToken),
            "finding" => await db.Set<CaseFinding>().SingleOrDefaultAsync(s => s.Id == itemId && s.VersionId == version.Id, cancellationToken),
            "recommendation" => await db.Set<CaseRecommendation>().SingleOrDefaultAsync(s => s.Id == itemId && s.VersionId == version.Id, cancellationToken),
            "action" => await db.Set<CasePracticeAction>().SingleOrDefaultAsync(s => s.Id == itemId && s.VersionId == version.Id, cancellationToken),
            _ => null,
        };
    }

    private static (string Noun, string Text) Describe(object item) => item switch
    {
        CaseSection s => ("section", s.Title),
        CaseChronologyEntry c => ("chronology entry", $"{c.When}: {c.What}"),
        CaseFinding f => ("finding", f.Text),
        CaseRecommendation r => ("recommendation", $"{r.Number}. {r.Text}"),
        CasePracticeAction a => ("practice action", $"{CaseText.Of(a.Role)}: {a.Text}"),
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };
}
