using LearningHub.Core.Boards;
using LearningHub.Events.Domain;
using LearningHub.Forms.Services;
using LearningHub.Notifications.Calendar;
using LearningHub.Notifications.Services;
using LearningHub.Notifications.Smtp;

namespace LearningHub.Events.Services;

/// <summary>
/// Queues the mail a booking's changes cause, in the caller's unit of work (saved with the change).
/// Dedupe keys name the booking and what happened, so a retried request cannot mail twice.
/// </summary>
public sealed class BookingMail(TemplatedMail mail, MailQueue queue, BoardLinks links, EventTokens tokens, BoardContext boards, TimeProvider clock,
    IFormFilling forms)
{
    /// <summary>
    /// The confirmation carries the signed check-in link as text and as a QR code image, drawn when the mail is
    /// sent (<see cref="MailQrCode"/>), so the booking's request does not wait for it.
    /// </summary>
    /// <param name="newBooking">The booking is being made in this unit of work, so its mails cannot have been queued before.</param>
    public async Task ConfirmedAsync(LearningEvent ev, Booking booking, int reminderDaysBefore, CancellationToken ct, bool newBooking = false)
    {
        var values = Values(ev, booking, showWhere: true);
        var checkInLink = links.Url("/Events/CheckIn", new { token = tokens.CheckIn(booking.Id) });
        values[EventMailTemplates.CheckInLink] = checkInLink;
        values[EventMailTemplates.QrCode] = MailQrCode.ImageSource;
        var template = EventMailTemplates.Confirmed.Key;
        if (BaselineUrl(ev, booking) is { } baseline)
        {
            template = EventMailTemplates.ConfirmedWithBaseline.Key;
            values[EventMailTemplates.BaselineLink] = links.BaseUrl + baseline;
        }

        await mail.QueueAsync(template, booking.Email, booking.FullName, values,
            $"events.confirmed:{booking.Id}:{booking.CalendarSequence}",
            attachment: new MailAttachment("invite.ics", "text/calendar; method=REQUEST", IcsWriter.Invite(Calendar(ev, booking))),
            cancellationToken: ct, keyIsNew: newBooking, qrCodeLink: checkInLink);
        await ScheduleReminderAsync(ev, booking, reminderDaysBefore, ct, newBooking);
    }

    /// <summary>
    /// Where a person with a place answers the event's baseline form (context <c>event:{id}</c>, so its answers
    /// compare with the evaluation and follow-up of the same event), coming back to their booking; null when the
    /// event asks none.
    /// </summary>
    public string? BaselineUrl(LearningEvent ev, Booking booking) =>
        string.IsNullOrEmpty(ev.BaselineFormKey)
            ? null
            : forms.FillUrl(ev.BaselineFormKey, EventFormContext.For(ev.Id), links.Path("/Events/Booking", new { reference = booking.Reference }));

    /// <summary>Always a new booking: the waiting-list mail is sent once, when the booking is made.</summary>
    public Task WaitlistedAsync(LearningEvent ev, Booking booking, int position, CancellationToken ct)
    {
        var values = Values(ev, booking, showWhere: false);
        values[EventMailTemplates.Position] = position.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return mail.QueueAsync(EventMailTemplates.Waitlisted.Key, booking.Email, booking.FullName, values,
            $"events.waitlisted:{booking.Id}", cancellationToken: ct, keyIsNew: true);
    }

    public Task OfferedAsync(LearningEvent ev, Booking booking, CancellationToken ct)
    {
        var values = Values(ev, booking, showWhere: false);
        values[EventMailTemplates.Link] = links.Url("/Events/Offer", new { reference = booking.Reference, choice = "accept" });
        values[EventMailTemplates.DeclineLink] = links.Url("/Events/Offer", new { reference = booking.Reference, choice = "decline" });
        values[EventMailTemplates.Expires] = LondonTime.DateTimeText(booking.OfferExpiresUtc!.Value);
        return mail.QueueAsync(EventMailTemplates.Offered.Key, booking.Email, booking.FullName, values,
            $"events.offered:{booking.Id}:{booking.OfferExpiresUtc:O}", cancellationToken: ct);
    }

    public Task OfferExpiredAsync(LearningEvent ev, Booking booking, CancellationToken ct)
    {
        var values = Values(ev, booking, showWhere: false);
        values[EventMailTemplates.Link] = links.Url("/Events/Details", new { id = ev.Id });
        return mail.QueueAsync(EventMailTemplates.OfferExpired.Key, booking.Email, booking.FullName, values,
            $"events.offer-expired:{booking.Id}", cancellationToken: ct);
    }

    /// <summary>The booking is already ended; <paramref name="wasConfirmed"/> decides whether a calendar cancellation goes with it.</summary>
    public async Task CancelledAsync(LearningEvent ev, Booking booking, bool wasConfirmed, CancellationToken ct)
    {
        var values = Values(ev, booking, showWhere: false);
        values[EventMailTemplates.Link] = links.Url("/Events/Details", new { id = ev.Id });
        MailAttachment? attachment = null;
        if (wasConfirmed)
        {
            booking.NextCalendarSequence();
            attachment = new MailAttachment("cancel.ics", "text/calendar; method=CANCEL", IcsWriter.Cancel(Calendar(ev, booking)));
            await CancelReminderAsync(booking, ev, ct);
        }

        await mail.QueueAsync(EventMailTemplates.Cancelled.Key, booking.Email, booking.FullName, values,
            $"events.cancelled:{booking.Id}", attachment: attachment, cancellationToken: ct);
    }

    public async Task EventChangedAsync(LearningEvent ev, Booking booking, int previousRevision, int reminderDaysBefore, CancellationToken ct)
    {
        await queue.CancelAsync(ReminderKey(booking, previousRevision), ct);
        booking.NextCalendarSequence();
        var values = Values(ev, booking, showWhere: true);
        await mail.QueueAsync(EventMailTemplates.Changed.Key, booking.Email, booking.FullName, values,
            $"events.changed:{booking.Id}:{booking.CalendarSequence}",
            attachment: new MailAttachment("invite.ics", "text/calendar; method=REQUEST", IcsWriter.Invite(Calendar(ev, booking))),
            cancellationToken: ct);
        await ScheduleReminderAsync(ev, booking, reminderDaysBefore, ct);
    }

    public async Task EventCancelledAsync(LearningEvent ev, Booking booking, bool wasConfirmed, CancellationToken ct)
    {
        var values = Values(ev, booking, showWhere: false);
        values[EventMailTemplates.Link] = links.Url("/Events/Index");
        MailAttachment? attachment = null;
        if (wasConfirmed)
        {
            booking.NextCalendarSequence();
            attachment = new MailAttachment("cancel.ics", "text/calendar; method=CANCEL", IcsWriter.Cancel(Calendar(ev, booking)));
            await CancelReminderAsync(booking, ev, ct);
        }

        await mail.QueueAsync(EventMailTemplates.EventCancelled.Key, booking.Email, booking.FullName, values,
            $"events.event-cancelled:{booking.Id}", attachment: attachment, cancellationToken: ct);
    }

    public Task ApprovalRequestAsync(LearningEvent ev, Booking booking, CancellationToken ct)
    {
        var values = Values(ev, booking, showWhere: false);
        values[EventMailTemplates.Practitioner] = booking.FullName;
        values[EventMailTemplates.Link] = links.Url("/Events/Approval", new { token = tokens.Approval(booking.Id, ApprovalDecision.Approve, booking.ApprovalNonce!) });
        values[EventMailTemplates.DeclineLink] = links.Url("/Events/Approval", new { token = tokens.Approval(booking.Id, ApprovalDecision.Decline, booking.ApprovalNonce!) });
        values[EventMailTemplates.Expires] = LondonTime.DateTimeText(booking.HoldExpiresUtc!.Value);
        return mail.QueueAsync(EventMailTemplates.ApprovalRequest.Key, booking.LineManagerEmail!, "", values,
            $"events.approval-request:{booking.Id}:{booking.ApprovalNonce}", cancellationToken: ct);
    }

    public Task ApprovalDeclinedAsync(LearningEvent ev, Booking booking, CancellationToken ct)
    {
        var values = Values(ev, booking, showWhere: false);
        values[EventMailTemplates.Link] = links.Url("/Events/Details", new { id = ev.Id });
        return mail.QueueAsync(EventMailTemplates.ApprovalDeclined.Key, booking.Email, booking.FullName, values,
            $"events.approval-declined:{booking.Id}", cancellationToken: ct);
    }

    public Task MessageAsync(LearningEvent ev, Booking booking, Guid messageId, string message, CancellationToken ct)
    {
        var values = Values(ev, booking, showWhere: true);
        values[EventMailTemplates.Message] = message;
        return mail.QueueAsync(EventMailTemplates.AttendeeMessage.Key, booking.Email, booking.FullName, values,
            $"events.message:{messageId:N}:{booking.Id}", cancellationToken: ct);
    }

    /// <summary>The message as <paramref name="booking"/>'s copy will read (<see cref="MessageAsync"/>), for the coordinator to check before it goes.</summary>
    public Task<LearningHub.Notifications.Templates.RenderedMail> PreviewMessageAsync(LearningEvent ev, Booking booking, string message, CancellationToken ct)
    {
        var values = Values(ev, booking, showWhere: true);
        values[EventMailTemplates.Message] = message;
        return mail.RenderAsync(EventMailTemplates.AttendeeMessage.Key, booking.FullName, values, ct);
    }

    /// <summary>The calendar entry for a booking: one UID for the booking's life, its current SEQUENCE.</summary>
    public CalendarEvent Calendar(LearningEvent ev, Booking booking) =>
        new(Uid(booking), booking.CalendarSequence, ev.StartUtc, ev.EndUtc, ev.Title, boards.Required.Name,
            boards.Required.ContactEmail, clock.GetUtcNow().UtcDateTime)
        {
            Description = $"Booking reference {booking.Reference}. {links.Url("/Events/Booking", new { reference = booking.Reference })}",
            Location = Where(ev),
            Url = new Uri(links.Url("/Events/Booking", new { reference = booking.Reference })),
            AttendeeName = booking.FullName,
            AttendeeEmail = booking.Email,
            LastModifiedUtc = ev.UpdatedUtc == default ? null : DateTime.SpecifyKind(ev.UpdatedUtc, DateTimeKind.Utc),
        };

    public static string Uid(Booking booking) => $"booking-{booking.Reference}@learninghub";

    public static string Where(LearningEvent ev) => ev.Format switch
    {
        EventFormat.Online => ev.JoiningLink ?? "Online",
        EventFormat.Hybrid => string.Join(" or online: ", new[] { ev.Venue, ev.JoiningLink }.Where(s => !string.IsNullOrWhiteSpace(s))),
        _ => ev.Venue ?? "Venue to be confirmed",
    };

    private Task ScheduleReminderAsync(LearningEvent ev, Booking booking, int reminderDaysBefore, CancellationToken ct, bool newBooking = false)
    {
        var at = ev.StartUtc.AddDays(-Math.Max(0, reminderDaysBefore));
        if (at <= clock.GetUtcNow().UtcDateTime)
        {
            // Booked inside the reminder period: the confirmation is the reminder.
            return Task.CompletedTask;
        }

        return mail.QueueAsync(EventMailTemplates.Reminder.Key, booking.Email, booking.FullName, Values(ev, booking, showWhere: true),
            ReminderKey(booking, ev.Revision), sendAtUtc: at, cancellationToken: ct, keyIsNew: newBooking);
    }

    private Task CancelReminderAsync(Booking booking, LearningEvent ev, CancellationToken ct) =>
        queue.CancelAsync(ReminderKey(booking, ev.Revision), ct);

    public static string ReminderKey(Booking booking, int revision) => $"events.reminder:{booking.Id}:{revision}";

    private Dictionary<string, string> Values(LearningEvent ev, Booking booking, bool showWhere) => new(StringComparer.Ordinal)
    {
        [EventMailTemplates.EventTitle] = ev.Title,
        [EventMailTemplates.EventWhen] = LondonTime.Range(ev.StartUtc, ev.EndUtc),
        [EventMailTemplates.EventWhere] = showWhere ? Where(ev) : "Sent to you when your place is confirmed",
        [EventMailTemplates.Reference] = booking.Reference,
        [EventMailTemplates.Link] = links.Url("/Events/Booking", new { reference = booking.Reference }),
    };
}
