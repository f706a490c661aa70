using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events.Manage;

/// <summary>The coordinator's list: upcoming events (drafts too) with bookings and waiting lists.</summary>
[Authorize(Policy = EventsPermissions.ManageEvents)]
public sealed class IndexModel(EventQueries queries, LearningHubDbContext db) : BoardPageModel
{
    public IReadOnlyList<EventSummary> Events { get; private set; } = [];

    public IReadOnlyList<Roadshow> Roadshows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Events = await queries.UpcomingAsync(new EventFilter(null, null, null, null, null), includeDrafts: true);
        Roadshows = await db.Set<Roadshow>().AsNoTracking().OrderBy(r => r.Title).ToListAsync();
    }
}
