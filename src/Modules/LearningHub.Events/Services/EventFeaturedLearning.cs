using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Core.Time;
using LearningHub.Events.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Services;

/// <summary>The board's published events that have not started, for the home page, the soonest first.</summary>
public sealed class EventFeaturedLearning(LearningHubDbContext db, TimeProvider clock) : IFeaturedLearning
{
    public string Kind => "events";

    public async Task<IReadOnlyList<FeaturedItem>> AvailableAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = await db.Set<LearningEvent>().AsNoTracking()
            .Where(e => e.Status == EventStatus.Published && e.StartUtc > now)
            .OrderBy(e => e.StartUtc)
            .Select(e => new { e.Id, e.Title, e.StartUtc })
            .Take(50)
            .ToListAsync(cancellationToken);
        return events
            .Select(e => new FeaturedItem(e.Id.ToString(), e.Title,
                LondonTime.Date(e.StartUtc),
                "/Events/Details", new Dictionary<string, string> { ["id"] = e.Id.ToString() }))
            .ToList();
    }
}
