using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using LearningHub.Media.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Services;

/// <summary>Tells the media library which events show an image as their cover, so it is not deleted from under them.</summary>
public sealed class EventMediaUsage(LearningHubDbContext db, BoardLinks links) : IMediaUsageSource
{
    public async Task<IReadOnlyList<MediaUsage>> FindUsagesAsync(IReadOnlyCollection<Guid> assetIds, CancellationToken cancellationToken)
    {
        var events = await db.Set<LearningEvent>().AsNoTracking()
            .Where(e => e.CoverImageId != null && assetIds.Contains(e.CoverImageId.Value))
            .Select(e => new { e.Id, e.Title, e.StartUtc, CoverImageId = e.CoverImageId!.Value })
            .ToListAsync(cancellationToken);
        return events
            .OrderBy(e => e.StartUtc)
            .Select(e => new MediaUsage(e.CoverImageId, $"Cover image of the event '{e.Title}, {LondonTime.Date(e.StartUtc)}'", links.PathInBoard("/Events/Manage/Cover", new { id = e.Id })))
            .ToList();
    }
}
