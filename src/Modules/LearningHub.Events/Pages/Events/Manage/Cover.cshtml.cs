using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using LearningHub.Media.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events.Manage;

/// <summary>Choose the event's cover image from the board's media library (or none).</summary>
[Authorize(Policy = EventsPermissions.ManageEvents)]
public sealed class CoverModel(LearningHubDbContext db) : CoverImagePageModel
{
    public LearningEvent Event { get; private set; } = null!;

    protected override async Task<(bool Found, Guid? Current)> LoadOwnerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Set<LearningEvent>().SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } ev)
        {
            return (false, null);
        }

        Event = ev;
        return (true, ev.CoverImageId);
    }

    protected override async Task SaveCoverAsync(Guid? imageId, CancellationToken cancellationToken)
    {
        Event.CoverImageId = imageId;
        await db.SaveChangesAsync(cancellationToken);
    }

    protected override string ReturnPage => "/Events/Manage/Event";
}
