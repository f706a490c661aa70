using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningHub.Events.Pages.Events;

/// <summary>Check your answers, then confirm: the booking is decided here, under the event's lock.</summary>
[Authorize]
public sealed class CheckModel(LearningHubDbContext db, Practitioners practitioners, BookingService bookings, TimeProvider clock) : DecisionPageModel
{
    public LearningEvent Event { get; private set; } = default!;

    public Booker Booker { get; private set; } = default!;

    public BookingDraft Draft { get; private set; } = new(null, null);

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } redirect)
        {
            return redirect;
        }

        if (Event.RefusalAt(clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            return Refused(refusal);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } redirect)
        {
            return redirect;
        }

        var result = await bookings.BookAsync(id, Booker, Draft.Answer, Draft.LineManagerEmail, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case BookingOutcome.NotFound:
                return NotFound();
            case BookingOutcome.Refused:
                return Refused(result.Refusal!.Value);
            default:
                BookingDraft.Clear(TempData, id);
                return RedirectToPage("/Events/Booking", new { reference = result.Booking!.Reference, booked = "true" });
        }
    }

    private IActionResult Refused(BookingRefusal refusal)
    {
        Problem = EventText.Refusal(refusal);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var ev = await BookingQueries.ShownEvent.For(db)(db, id, HttpContext.RequestAborted);
        var booker = await practitioners.BookerAsync(User);
        if (ev is null || booker is null)
        {
            return NotFound();
        }

        Event = ev;
        Booker = booker.Value.Booker;
        var draft = BookingDraft.Load(TempData, id);
        if ((draft is null && ev.BookingQuestion is not null) || (ev.RequiresApproval && string.IsNullOrWhiteSpace(draft?.LineManagerEmail)))
        {
            // Questions not answered yet (or the answers expired, or the event has asked for approval since): back to the question page.
            return RedirectToPage("/Events/Book", new { id });
        }

        Draft = draft ?? new BookingDraft(null, null);
        return null;
    }
}
