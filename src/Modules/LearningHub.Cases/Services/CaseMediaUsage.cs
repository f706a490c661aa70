using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using LearningHub.Media.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Services;

/// <summary>Tells the media library which case modules use an image as their cover, so it is not deleted from under them.</summary>
public sealed class CaseMediaUsage(LearningHubDbContext db) : IMediaUsageSource
{
    public async Task<IReadOnlyList<MediaUsage>> FindUsagesAsync(IReadOnlyCollection<Guid> assetIds, CancellationToken cancellationToken)
    {
        var modules = await db.Set<CaseModule>().AsNoTracking()
            .Where(m => m.CoverImageId != null && assetIds.Contains(m.CoverImageId.Value))
            .Select(m => new { m.Id, m.Title, CoverImageId = m.CoverImageId!.Value })
            .ToListAsync(cancellationToken);
        return modules
            .Select(m => new MediaUsage(m.CoverImageId, $"Cover image of the case module '{m.Title}'", $"/author/modules/{m.Id}/cover"))
            .ToList();
    }
}
