using System.Text;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Notifications.Calendar;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events;

/// <summary>One of my bookings: the confirmation page after booking, and where to cancel or add it to a calendar.</summary>
[Authorize]
public sealed class BookingModel(LearningHubDbContext db, MyBookings myBookings, BookingMail mail, IFormFilling forms, TimeProvider clock) : BoardPageModel
{
    public Booking Booking { get; private set; } = default!;

    public LearningEvent Event { get; private set; } = default!;

    public bool JustBooked { get; private set; }

    public int? QueuePosition { get; private set; }

    public bool CanCancel { get; private set; }

    /// <summary>Where to answer the event's questions before it (the baseline), for a confirmed place before the event; else null.</summary>
    public string? BaselineUrl { get; private set; }

    public bool BaselineAnswered { get; private set; }

    public string ContactEmail => Board.ContactEmail;

    public async Task<IActionResult> OnGetAsync(string reference, bool booked = false)
    {
        if (!await LoadAsync(reference))
        {
            return NotFound();
        }

        JustBooked = booked;
        if (Booking.Status == BookingStatus.Waitlisted)
        {
            QueuePosition = 1 + await db.Set<Booking>().CountAsync(b => b.EventId == Booking.EventId
                && b.Status == BookingStatus.Waitlisted && b.WaitlistPosition < Booking.WaitlistPosition);
        }

        if (Booking.Status == BookingStatus.Confirmed && Booking.UserId is { } userId && clock.GetUtcNow().UtcDateTime < Event.EndUtc
            && mail.BaselineUrl(Event, Booking) is { } baseline && await forms.FindAsync(Event.BaselineFormKey!) is not null)
        {
            BaselineUrl = baseline;
            BaselineAnswered = await forms.HasSubmittedAsync(Event.BaselineFormKey!, EventFormContext.For(Event.Id), userId);
        }

        CanCancel = Booking.CanCancel(Event, clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    /// <summary>The booking as an .ics file to open in any calendar: the same UID as the mailed invite, so it updates rather than duplicates.</summary>
    public async Task<IActionResult> OnGetCalendarAsync(string reference)
    {
        if (!await LoadAsync(reference) || Booking.Status != BookingStatus.Confirmed)
        {
            return NotFound();
        }

        var ics = IcsWriter.Invite(mail.Calendar(Event, Booking));
        return File(new UTF8Encoding(false).GetBytes(ics), "text/calendar; charset=utf-8", $"{Booking.Reference}.ics");
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
