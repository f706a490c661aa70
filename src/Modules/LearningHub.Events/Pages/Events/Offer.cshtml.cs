using System.ComponentModel.DataAnnotations;
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

/// <summary>Accept or turn down a place offered from the waiting list (the links in the offer mail come here).</summary>
[Authorize]
public sealed class OfferModel(MyBookings myBookings, BookingChanges changes) : DecisionPageModel
{
    [BindProperty(SupportsGet = true)]
    [Required(ErrorMessage = "Select yes if you want the place")]
    public string? Choice { get; set; }

    public Booking Booking { get; private set; } = default!;

    public LearningEvent Event { get; private set; } = default!;

    public string? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(string reference)
    {
        ModelState.Clear();
        return await LoadAsync(reference) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string reference)
    {
        if (!await LoadAsync(reference))
        {
            return NotFound();
        }

        if (Choice is not ("accept" or "decline"))
        {
            ModelState.AddModelError(nameof(Choice), "Select yes if you want the place");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var accept = Choice == "accept";
        switch (await changes.AnswerOfferAsync(reference, UserId!, accept, HttpContext.RequestAborted))
        {
            case ChangeOutcome.Done when accept:
                return RedirectToPage("/Events/Booking", new { reference = Booking.Reference, booked = "true" });
            case ChangeOutcome.Done:
                Outcome = "You have turned down the place. It goes to the next person on the waiting list.";
                break;
            case ChangeOutcome.Expired:
                Outcome = "Sorry, the offer has run out and the place has gone to the next person on the waiting list.";
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            default:
                Outcome = "There is no offer to answer on this booking.";
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        return Page();
    }

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
