using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using LearningHub.Core.Taxonomies;

namespace LearningHub.Cases.Pages.Recommendations;

public sealed record RecommendationRow(string Number, string Text, Guid? ThemeId, RecommendationScope Scope, RecommendationStatus Status,
    string ModuleTitle, string ModuleSlug, bool ModuleArchived);

/// <summary>
/// Every recommendation of the board's reviews (the current version of each module), with its status and
/// the module that teaches it; each recommendation's own page has its history and all the learning that answers it.
/// </summary>
[Authorize(Policy = CasesPermissions.TrackRecommendations)]
public sealed class IndexModel(LearningHubDbContext db, CaseCatalogue catalogue, RecommendationRecord record) : CasesPageModel
{
    [BindProperty(SupportsGet = true, Name = "theme")]
    public string? Theme { get; set; }

    [BindProperty(SupportsGet = true, Name = "scope")]
    public RecommendationScope? Scope { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public RecommendationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "module")]
    public string? Module { get; set; }

    public IReadOnlyList<TermChoice> Themes { get; private set; } = [];

    public IReadOnlyList<(string Slug, string Title)> Modules { get; private set; } = [];

    public IReadOnlyList<RecommendationRow> Rows { get; private set; } = [];

    public string ThemeName(Guid? id) => Themes.FirstOrDefault(t => t.Id == id)?.Name ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear(); // an unknown filter value is ignored, not an error
        Themes = await catalogue.ThemesAsync(cancellationToken);
        var modules = await db.Set<CaseModule>().AsNoTracking().Where(m => m.PublishedVersionId != null)
            .OrderBy(m => m.Title).Select(m => new { m.Slug, m.Title }).ToListAsync(cancellationToken);
        Modules = modules.Select(m => (m.Slug, m.Title)).ToList();

        // Published() gives each recommendation's current status (the board's latest recorded change).
        var query = record.Published();
        if (Themes.FirstOrDefault(t => t.Key == Theme) is { } theme)
        {
            query = query.Where(x => x.ThemeId == theme.Id);
        }
        else
        {
            Theme = null;
        }

        if (Scope is { } scope)
        {
            query = query.Where(x => x.Scope == scope);
        }

        if (Status is { } status)
        {
            query = query.Where(x => x.Status == status);
        }

        if (!string.IsNullOrEmpty(Module))
        {
            query = query.Where(x => x.ModuleSlug == Module);
        }

        var rows = await query.OrderBy(x => x.ModuleTitle).ThenBy(x => x.Position)
            .Select(x => new RecommendationRow(x.Number, x.Text, x.ThemeId, x.Scope, x.Status, x.ModuleTitle, x.ModuleSlug, x.ModuleArchived))
            .ToListAsync(cancellationToken);
        Rows = rows;
    }
}
