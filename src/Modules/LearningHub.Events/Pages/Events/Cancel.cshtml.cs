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

/// <summary>Cancel a booking (before the cut-off) or leave the waiting list (any time), after a confirmation question.</summary>
[Authorize]
public sealed class CancelModel(MyBookings myBookings, BookingChanges changes, TimeProvider clock) : DecisionPageModel
{
    public Booking Booking { get; private set; } = default!;

    public LearningEvent Event { get; private set; } = default!;

    /// <summary>Why it cannot be cancelled, shown instead of the question.</summary>
    public string? Problem { get; private set; }

    public bool Done { get; private set; }

    public string ContactEmail => Board.ContactEmail;

    public async Task<IActionResult> OnGetAsync(string reference)
    {
        if (!await LoadAsync(reference))
        {
            return NotFound();
        }

        if (!Booking.IsActive)
        {
            Problem = "This booking is already cancelled or has ended.";
        }
        else if (Booking.TooLateToCancel(Event, clock.GetUtcNow().UtcDateTime))
        {
            Problem = TooLate;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string reference)
    {
        if (!await LoadAsync(reference))
        {
            return NotFound();
        }

        switch (await changes.CancelAsync(reference, UserId!, HttpContext.RequestAborted))
        {
            case ChangeOutcome.Done:
                Done = true;
                break;
            case ChangeOutcome.TooLate:
                Problem = TooLate;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case ChangeOutcome.NotFound:
                return NotFound();
            default:
                Problem = "This booking is already cancelled or has ended.";
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        return Page();
    }

    private string TooLate => $"It is too late to cancel online: the cut-off was {LondonTime.DateTimeText(Event.CancellationCutoffAt)}.";

    private async Task<bool> LoadAsync(string reference)
    {
        if (await myBookings.FindWithEventAsync(reference, UserId) is not { } mine)
        {
            return false;
        }

        (Booking, Event) = mine;
        return true;
    }
}
