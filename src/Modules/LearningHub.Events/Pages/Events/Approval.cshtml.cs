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
/// A line manager's approve or decline link: no account needed, the signed token is the key. Opening the
/// link only shows the question; the decision is a POST, so mail scanners that follow links decide nothing.
/// </summary>
[AllowAnonymous]
public sealed class ApprovalModel(LearningHubDbContext db, EventTokens tokens, BookingChanges changes, TimeProvider clock) : DecisionPageModel
{
    public ApprovalDecision Decision { get; private set; }

    public Booking? Booking { get; private set; }

    public LearningEvent? Event { get; private set; }

    /// <summary>Why the link cannot be used, shown instead of the question.</summary>
    public string? Problem { get; private set; }

    public string? Outcome { get; private set; }

    public string ContactEmail => Board.ContactEmail;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        await CheckAsync(token);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var claim = await CheckAsync(token);
        if (claim is null)
        {
            return Page();
        }

        var (outcome, _) = await changes.DecideApprovalAsync(claim, HttpContext.RequestAborted);
        switch (outcome)
        {
            case ChangeOutcome.Done:
                Outcome = claim.Decision == ApprovalDecision.Approve
                    ? $"Thank you. {Booking!.FullName}'s place is confirmed and we have emailed them."
                    : $"Thank you. {Booking!.FullName}'s place has been released and we have told them.";
                break;
            case ChangeOutcome.Expired:
                Fail("This link has expired: the place was held for a limited time and has been released.");
                break;
            default:
                Fail("This link has already been used, or a newer one replaced it.");
                break;
        }

        return Page();
    }

    private async Task<ApprovalClaim?> CheckAsync(string token)
    {
        var claim = tokens.ReadApproval(token);
        if (claim is null)
        {
            Fail("This link is not valid. Check you copied the whole link from the email.");
            return null;
        }

        Decision = claim.Decision;
        Booking = await db.Set<Booking>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == claim.BookingId);
        if (Booking is null)
        {
            Fail("This link is not valid. Check you copied the whole link from the email.");
            return null;
        }

        Event = await db.Set<LearningEvent>().AsNoTracking().SingleAsync(e => e.Id == Booking.EventId);
        if (UserId is not null && UserId == Booking.UserId)
        {
            // The link reached the booker (a forwarded mail, or an address of theirs given as the manager's): they cannot decide.
            Fail("This is your own booking: only your line manager can approve or decline it.",
                StatusCodes.Status403Forbidden);
            return null;
        }

        if (Booking.Status != BookingStatus.PendingApproval || Booking.ApprovalNonce != claim.Nonce)
        {
            Fail("This link has already been used, or a newer one replaced it.");
            return null;
        }

        if (Booking.HoldExpiresUtc <= clock.GetUtcNow().UtcDateTime)
        {
            Fail("This link has expired: the place was held for a limited time and has been released.");
            return null;
        }

        return claim;
    }

    private void Fail(string problem, int status = StatusCodes.Status400BadRequest)
    {
        Problem = problem;
        Response.StatusCode = status;
    }
}
