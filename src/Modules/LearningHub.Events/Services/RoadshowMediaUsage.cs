using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using LearningHub.Media.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Services;

/// <summary>Tells the media library which roadshows show an image as their cover, so it is not deleted from under them.</summary>
public sealed class RoadshowMediaUsage(LearningHubDbContext db, BoardLinks links) : IMediaUsageSource
{
    public async Task<IReadOnlyList<MediaUsage>> FindUsagesAsync(IReadOnlyCollection<Guid> assetIds, CancellationToken cancellationToken)
    {
        var roadshows = await db.Set<Roadshow>().AsNoTracking()
            .Where(r => r.CoverImageId != null && assetIds.Contains(r.CoverImageId.Value))
            .OrderBy(r => r.Title)
            .Select(r => new { r.Id, r.Title, CoverImageId = r.CoverImageId!.Value })
            .ToListAsync(cancellationToken);
        return roadshows
            .Select(r => new MediaUsage(r.CoverImageId, $"Cover image of the roadshow '{r.Title}'", links.PathInBoard("/Events/Manage/RoadshowCover", new { id = r.Id })))
            .ToList();
    }
}
