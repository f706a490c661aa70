using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Services;

/// <summary>The board's published, not archived, case modules and their recommendations, for other modules to link learning to.</summary>
public sealed class CaseLinkableLearning(LearningHubDbContext db) : ILinkableLearning
{
    public async Task<IReadOnlyList<LinkableModule>> PublishedModulesAsync(CancellationToken cancellationToken = default)
    {
        var modules = await db.Set<CaseModule>().AsNoTracking()
            .Where(m => m.PublishedVersionId != null && m.Status != CaseModuleStatus.Archived)
            .OrderBy(m => m.Title)
            .Select(m => new { m.Slug, m.Title, m.PublishedVersionId })
            .ToListAsync(cancellationToken);
        var versionIds = modules.Select(m => m.PublishedVersionId!.Value).ToList();
        var recommendations = await db.Set<CaseRecommendation>().AsNoTracking().Where(r => versionIds.Contains(r.VersionId))
            .OrderBy(r => r.Position).Select(r => new { r.VersionId, r.Number, r.Text }).ToListAsync(cancellationToken);
        return modules.Select(m => new LinkableModule(m.Slug, m.Title,
                recommendations.Where(r => r.VersionId == m.PublishedVersionId).Select(r => (r.Number, r.Text)).ToList()))
            .ToList();
    }
}
