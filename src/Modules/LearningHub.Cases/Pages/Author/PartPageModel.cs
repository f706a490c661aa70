using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Pages.Author;

/// <summary>
/// Add or edit one chronology entry, finding or recommendation of the draft: the three forms share how they
/// find the draft and the item, and save in one go.
/// </summary>
public abstract class PartPageModel<TItem>(CaseWorkflow workflow, LearningHubDbContext db, CaseCatalogue catalogue) : CasesPageModel
    where TItem : class
{
    public Guid ModuleId { get; private set; }

    public bool IsNew { get; private set; }

    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];

    protected LearningHubDbContext Db => db;

    protected abstract IQueryable<TItem> ItemsOf(Guid versionId);

    protected abstract TItem Create(Guid versionId, int position);

    protected abstract void Fill(TItem item);

    protected abstract void Apply(TItem item);

    protected virtual Task ValidateAsync(Guid versionId, TItem? item, CancellationToken cancellationToken) => Task.CompletedTask;

    protected abstract Guid IdOf(TItem item);

    public async Task<IActionResult> OnGetAsync(Guid id, string itemId, CancellationToken cancellationToken)
    {
        if (!await db.Set<CaseModule>().AnyAsync(m => m.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var (version, item) = await LoadAsync(id, itemId, cancellationToken);
        if (version is null)
        {
            return RedirectToPage("/Author/Module", new { id });
        }

        if (item is null && !IsNew)
        {
            return NotFound();
        }

        if (item is not null)
        {
            Fill(item);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string itemId, CancellationToken cancellationToken)
    {
        if (!await db.Set<CaseModule>().AnyAsync(m => m.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var (version, item) = await LoadAsync(id, itemId, cancellationToken);
        if (version is null)
        {
            return RedirectToPage("/Author/Module", new { id });
        }

        if (item is null && !IsNew)
        {
            return NotFound();
        }

        await ValidateAsync(version.Id, item, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (item is null)
        {
            var positions = await ItemsOf(version.Id).Select(PositionOfExpression()).ToListAsync(cancellationToken);
            item = Create(version.Id, positions.Count == 0 ? 0 : positions.Max() + 1);
            db.Add(item);
        }

        Apply(item);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Author/Module", new { id });
    }

    protected abstract System.Linq.Expressions.Expression<Func<TItem, int>> PositionOfExpression();

    private async Task<(CaseModuleVersion?, TItem?)> LoadAsync(Guid id, string itemId, CancellationToken cancellationToken)
    {
        ModuleId = id;
        IsNew = itemId == "new";
        Themes = (await catalogue.ThemesAsync(cancellationToken)).Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToList();
        CaseModuleVersion version;
        try
        {
            version = await workflow.EditableAsync(id, cancellationToken);
        }
        catch (WorkflowException)
        {
            return (null, null);
        }

        TItem? item = null;
        if (!IsNew && Guid.TryParse(itemId, out var parsed))
        {
            var all = await ItemsOf(version.Id).ToListAsync(cancellationToken);
            item = all.FirstOrDefault(x => IdOf(x) == parsed);
        }

        return (version, item);
    }

    /// <summary>A theme id from a form, if it is one of the board's themes.</summary>
    protected Guid? ThemeFrom(string? value) =>
        Guid.TryParse(value, out var id) && Themes.Any(t => t.Value == value) ? id : null;
}
