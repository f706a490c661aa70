using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Pages.Author;

/// <summary>Change the details of the draft version.</summary>
[Authorize(Policy = CasesPermissions.Author)]
public sealed class DetailsModel(CaseWorkflow workflow, CaseCatalogue catalogue, LearningHubDbContext db) : CasesPageModel
{
    [BindProperty]
    public ModuleDetailsInput Input { get; set; } = new();

    public DetailsFieldsView Fields { get; private set; } = null!;

    public Guid ModuleId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Set<CaseModule>().AnyAsync(m => m.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var version = await DraftAsync(id, cancellationToken);
        if (version is null)
        {
            return RedirectToPage("/Author/Module", new { id });
        }

        Input = ModuleDetailsInput.From(version);
        await LoadAsync(id, version.Number > 1, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Set<CaseModule>().AnyAsync(m => m.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var version = await DraftAsync(id, cancellationToken);
        if (version is null)
        {
            return RedirectToPage("/Author/Module", new { id });
        }

        await LoadAsync(id, version.Number > 1, cancellationToken);
        var publishedOn = Input.Validate(ModelState, nameof(Input), Fields.Themes, Fields.Topics);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Input.ApplyTo(version, publishedOn);
        var themes = Input.Themes.Distinct().ToList();
        var topics = Input.Topics.Distinct().ToList();
        db.RemoveRange(version.Themes.Where(t => !themes.Contains(t.ThemeId)));
        db.RemoveRange(version.Topics.Where(t => !topics.Contains(t.TopicId)));
        db.AddRange(themes.Where(t => version.Themes.All(x => x.ThemeId != t)).Select(t => new CaseVersionTheme { VersionId = version.Id, ThemeId = t }));
        db.AddRange(topics.Where(t => version.Topics.All(x => x.TopicId != t)).Select(t => new CaseVersionTopic { VersionId = version.Id, TopicId = t }));
        var module = await db.Set<CaseModule>().SingleAsync(m => m.Id == id, cancellationToken);
        if (module.PublishedVersionId is null)
        {
            module.Title = version.Title;
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Author/Module", new { id });
    }

    private async Task<CaseModuleVersion?> DraftAsync(Guid id, CancellationToken cancellationToken)
    {
        ModuleId = id;
        try
        {
            var draft = await workflow.EditableAsync(id, cancellationToken);
            await db.Entry(draft).Collection(v => v.Themes).LoadAsync(cancellationToken);
            await db.Entry(draft).Collection(v => v.Topics).LoadAsync(cancellationToken);
            return draft;
        }
        catch (WorkflowException)
        {
            return null;
        }
    }

    private async Task LoadAsync(Guid id, bool isRevision, CancellationToken cancellationToken)
    {
        ModuleId = id;
        Fields = new DetailsFieldsView(Input, await catalogue.ThemesAsync(cancellationToken), await catalogue.TopicsAsync(cancellationToken), isRevision);
    }
}
