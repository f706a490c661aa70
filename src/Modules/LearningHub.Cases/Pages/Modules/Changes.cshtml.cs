using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Pages.Modules;

/// <summary>What changed between two published versions of a module (by default the latest and the one before).</summary>
public sealed class ChangesModel(LearningHubDbContext db) : CasesPageModel
{
    public string Slug { get; private set; } = "";

    public string Title { get; private set; } = "";

    public IReadOnlyList<(int Number, DateTime PublishedUtc, string? Note)> Versions { get; private set; } = [];

    public CaseModuleVersion? From { get; private set; }

    public CaseModuleVersion? To { get; private set; }

    public IReadOnlyList<VersionChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, int? from, int? to, CancellationToken cancellationToken)
    {
        var module = await db.Set<CaseModule>().AsNoTracking().SingleOrDefaultAsync(m => m.Slug == slug && m.PublishedVersionId != null, cancellationToken);
        if (module is null)
        {
            return NotFound();
        }

        Slug = slug;
        Title = module.Title;
        var published = await db.Set<CaseModuleVersion>().AsNoTracking()
            .Where(v => v.ModuleId == module.Id && v.PublishedUtc != null)
            .OrderBy(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.PublishedUtc, v.ChangeNote })
            .ToListAsync(cancellationToken);
        Versions = published.Select(v => (v.Number, v.PublishedUtc!.Value, v.ChangeNote)).ToList();
        if (published.Count < 2)
        {
            return Page();
        }

        var toVersion = published.FirstOrDefault(v => v.Number == to) ?? published[^1];
        var fromVersion = published.FirstOrDefault(v => v.Number == from && v.Number < toVersion.Number)
                          ?? published.LastOrDefault(v => v.Number < toVersion.Number) ?? published[0];
        From = await CaseVersions.LoadAsync(db, fromVersion.Id, tracking: false, cancellationToken);
        To = await CaseVersions.LoadAsync(db, toVersion.Id, tracking: false, cancellationToken);
        Changes = VersionChanges.Compare(From!, To!);
        return Page();
    }
}
