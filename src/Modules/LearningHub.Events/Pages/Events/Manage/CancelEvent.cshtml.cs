using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Core.Time;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Theme.Base;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events.Manage;

/// <summary>
/// "Are you sure" before an event is cancelled: cancelling mails everyone booked or waiting and cannot be undone, so
/// the event page links here, this page says who will be mailed, and only its POST cancels.
/// </summary>
[Authorize(Policy = EventsPermissions.ManageEvents)]
public sealed class CancelEventModel(LearningHubDbContext db, EventAdmin admin) : BoardPageModel
{
    public Guid EventId { get; private set; }

    public AreYouSure Question { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ev = await db.Set<LearningEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
        if (ev is null)
        {
            return NotFound();
        }

        if (ev.Status == EventStatus.Cancelled)
        {
            return RedirectToPage("/Events/Manage/Event", new { id });
        }

        EventId = id;
        var told = await admin.StillBooked(id).Select(b => b.Status).ToListAsync();
        var waiting = told.Count(s => s == BookingStatus.Waitlisted);
        var withPlace = told.Count - waiting;
        var consequence = told.Count == 0
            ? "Nobody is booked or waiting, so nobody is emailed. This cannot be undone."
            : $"{EventText.Count(told.Count, "person", "people")} will be emailed that it is cancelled ({withPlace} with a place, {waiting} on the waiting list). This cannot be undone.";
        Question = new AreYouSure($"Are you sure you want to cancel {ev.Title}?", LondonTime.Range(ev.StartUtc, ev.EndUtc), "Yes, cancel the event",
            Url.Page("/Events/Manage/Event", new { id })!, consequence);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await db.Set<LearningEvent>().AnyAsync(e => e.Id == id))
        {
            return NotFound();
        }

        await admin.CancelAsync(id, HttpContext.RequestAborted);
        return RedirectToPage("/Events/Manage/Event", new { id, done = "cancelled" });
    }
}
