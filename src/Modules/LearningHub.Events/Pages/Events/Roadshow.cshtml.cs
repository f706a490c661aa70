using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Security;
using LearningHub.Core.Pages;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events;

/// <summary>A roadshow and its sessions across localities, each with its places left.</summary>
public sealed class RoadshowModel(LearningHubDbContext db, EventQueries queries, BoardPermissions permissions, TimeProvider clock) : BoardPageModel
{
    public Roadshow Roadshow { get; private set; } = default!;

    public IReadOnlyList<EventSummary> Sessions { get; private set; } = [];

    public DateTime Now { get; private set; }

    /// <summary>Whether to offer the coordinator's links (the cover image).</summary>
    public bool IsCoordinator { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var isCoordinator = await permissions.HasAsync(User, EventsPermissions.ManageEvents);
        var roadshow = await db.Set<Roadshow>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (roadshow is null || (roadshow.Status == EventStatus.Draft && !isCoordinator))
        {
            return NotFound();
        }

        Roadshow = roadshow;
        IsCoordinator = isCoordinator;
        Now = clock.GetUtcNow().UtcDateTime;
        Sessions = await queries.SessionsOfAsync(id, includeDrafts: isCoordinator);
        return Page();
    }
}
