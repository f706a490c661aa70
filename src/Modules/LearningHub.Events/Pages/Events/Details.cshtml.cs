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

/// <summary>One event: what, when, where (for people with a place), places left, and the way to book.</summary>
public sealed class DetailsModel(LearningHubDbContext db, EventQueries queries, BoardPermissions permissions, TimeProvider clock) : BoardPageModel
{
    public LearningEvent Event { get; private set; } = default!;

    public EventSummary Summary { get; private set; } = default!;

    public Booking? MyBooking { get; private set; }

    public BookingRefusal? Refusal { get; private set; }

    public bool ShowWhere { get; private set; }

    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ev = await db.Set<LearningEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
        var isCoordinator = await permissions.HasAsync(User, EventsPermissions.ManageEvents);
        if (ev is null || (ev.Status == EventStatus.Draft && !isCoordinator))
        {
            return NotFound();
        }

        Event = ev;
        Summary = (await queries.SummaryAsync(id))!;
        if (UserId is { } userId)
        {
            MyBooking = await db.Set<Booking>().AsNoTracking()
                .Where(b => b.EventId == id && b.UserId == userId)
                .OrderByDescending(b => b.CreatedUtc)
                .FirstOrDefaultAsync();
        }

        Now = clock.GetUtcNow().UtcDateTime;
        Refusal = ev.RefusalAt(Now)
                  ?? (Summary.PlacesLeft == 0 && !ev.WaitingListEnabled ? BookingRefusal.FullNoWaitingList : null);
        ShowWhere = MyBooking?.Status == BookingStatus.Confirmed || isCoordinator;
        return Page();
    }
}
