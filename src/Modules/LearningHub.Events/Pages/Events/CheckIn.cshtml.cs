using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events;

/// <summary>
/// What a coordinator's phone opens when it scans a confirmation's QR code. Opening it (a GET) only shows the person
/// and a "Check in" button, so nothing that follows or prefetches links changes the register; the button's POST marks
/// them attended. A second scan says when they checked in.
/// </summary>
[Authorize(Policy = EventsPermissions.ManageEvents)]
public sealed class CheckInModel(LearningHubDbContext db, EventTokens tokens, EventAdmin admin) : BoardPageModel
{
    public CheckInOutcome? Outcome { get; private set; }

    public Booking? Booking { get; private set; }

    public LearningEvent? Event { get; private set; }

    public Task<IActionResult> OnGetAsync(string token) =>
        ShowAsync(token, bookingId => admin.CheckInStateAsync(bookingId, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostAsync(string token) =>
        ShowAsync(token, bookingId => admin.CheckInAsync(bookingId, User.Identity?.Name ?? "coordinator", HttpContext.RequestAborted));

    private async Task<IActionResult> ShowAsync(string token, Func<Guid, Task<(CheckInOutcome Outcome, Booking? Booking)>> scan)
    {
        if (tokens.ReadCheckIn(token) is not { } bookingId)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (outcome, booking) = await scan(bookingId);
        Outcome = outcome;
        Booking = booking;
        if (booking is not null)
        {
            Event = await db.Set<LearningEvent>().AsNoTracking().SingleAsync(e => e.Id == booking.EventId);
        }

        if (outcome is CheckInOutcome.NotFound or CheckInOutcome.NotBooked)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (outcome == CheckInOutcome.RegisterClosed)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }
}
