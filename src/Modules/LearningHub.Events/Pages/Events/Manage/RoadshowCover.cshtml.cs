using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using LearningHub.Media.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events.Manage;

/// <summary>Choose the roadshow's cover image from the board's media library (or none).</summary>
[Authorize(Policy = EventsPermissions.ManageEvents)]
public sealed class RoadshowCoverModel(LearningHubDbContext db) : CoverImagePageModel
{
    public Roadshow Roadshow { get; private set; } = null!;

    protected override async Task<(bool Found, Guid? Current)> LoadOwnerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Set<Roadshow>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } roadshow)
        {
            return (false, null);
        }

        Roadshow = roadshow;
        return (true, roadshow.CoverImageId);
    }

    protected override async Task SaveCoverAsync(Guid? imageId, CancellationToken cancellationToken)
    {
        Roadshow.CoverImageId = imageId;
        await db.SaveChangesAsync(cancellationToken);
    }

    protected override string ReturnPage => "/Events/Roadshow";
}
