using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Services;

/// <summary>The board's published, not archived, case modules for the home page, the most recently published first.</summary>
public sealed class CaseFeaturedLearning(LearningHubDbContext db) : IFeaturedLearning
{
    public string Kind => "modules";

    public async Task<IReadOnlyList<FeaturedItem>> AvailableAsync(CancellationToken cancellationToken = default)
    {
        var modules = await db.Set<CaseModule>().AsNoTracking()
            .Where(m => m.PublishedVersionId != null && m.Status != CaseModuleStatus.Archived)
            .Join(db.Set<CaseModuleVersion>(), m => m.PublishedVersionId, v => v.Id, (m, v) => new { m.Slug, v.Title, v.Summary, v.PublishedUtc })
            .ToListAsync(cancellationToken);
        return modules.OrderByDescending(m => m.PublishedUtc).ThenBy(m => m.Title)
            .Select(m => new FeaturedItem(m.Slug, m.Title, m.Summary, "/Modules/Module", new Dictionary<string, string> { ["slug"] = m.Slug }))
            .ToList();
    }
}
