using LearningHub.Events.Domain;

namespace LearningHub.Events.Services;

/// <summary>The words pages use for the module's values.</summary>
public static class EventText
{
    /// <summary>"1 place", "2 places": a count with its noun in the singular or plural.</summary>
    public static string Count(int n, string noun, string? plural = null) => n == 1 ? $"1 {noun}" : $"{n} {plural ?? noun + "s"}";

    public static string Format(EventFormat format) => format switch
    {
        EventFormat.InPerson => "In person",
        EventFormat.Online => "Online",
        EventFormat.Hybrid => "Hybrid (in person or online)",
        _ => format.ToString(),
    };

    /// <summary>Places as a list shows them at <paramref name="nowUtc"/>: never places on a session that can no longer be booked.</summary>
    public static string Places(EventSummary e, DateTime nowUtc) => e.PlacesLeft switch
    {
        _ when e.Status == EventStatus.Cancelled => "Cancelled",
        _ when nowUtc >= e.EndUtc => "Held",
        _ when nowUtc >= e.StartUtc => "Started: booking closed",
        _ when e.BookingClosedAt(nowUtc) => "Booking closed",
        0 when e.WaitingListEnabled => e.Waiting > 0 ? $"Full: waiting list ({e.Waiting} waiting)" : "Full: waiting list open",
        0 => "Full",
        1 => "1 place left",
        var n => $"{n} places left",
    };

    public static string Status(BookingStatus status) => status switch
    {
        BookingStatus.PendingApproval => "Waiting for manager approval",
        BookingStatus.Confirmed => "Confirmed",
        BookingStatus.Waitlisted => "On the waiting list",
        BookingStatus.Offered => "Place offered",
        BookingStatus.Cancelled => "Cancelled",
        BookingStatus.OfferExpired => "Offer expired",
        BookingStatus.Declined => "Not approved",
        _ => status.ToString(),
    };

    public static string Attendance(AttendanceMark? mark) => mark switch
    {
        AttendanceMark.Attended => "Attended",
        AttendanceMark.PartlyAttended => "Partly attended",
        AttendanceMark.NoShow => "No-show",
        AttendanceMark.WalkIn => "Walk-in",
        _ => "Not recorded",
    };

    /// <summary>Why a line manager's address the booker gave was refused.</summary>
    public const string LineManagerIsYou = "Your line manager's email address cannot be your own: they approve your place.";

    public static string Refusal(BookingRefusal refusal) => refusal switch
    {
        BookingRefusal.NotPublished => "This event is not open for booking.",
        BookingRefusal.EventCancelled => "This event has been cancelled.",
        BookingRefusal.NotOpenYet => "Booking for this event has not opened yet.",
        BookingRefusal.Closed => "Booking for this event has closed.",
        BookingRefusal.FullNoWaitingList => "This event is full and has no waiting list.",
        BookingRefusal.LineManagerNeeded => "This event needs your line manager's approval. Go back to the booking questions and enter their email address.",
        BookingRefusal.OwnLineManager => LineManagerIsYou + " Go back to the booking questions and enter theirs.",
        _ => "This event cannot be booked.",
    };
}
