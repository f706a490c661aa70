using LearningHub.Events.Domain;

namespace LearningHub.Events.Services;

/// <summary>The words pages use for the module's values.</summary>
public static class EventText
{
    public static string Format(EventFormat format) => format switch
    {
        EventFormat.InPerson => "In person",
        EventFormat.Online => "Online",
        EventFormat.Hybrid => "Hybrid (in person or online)",
        _ => format.ToString(),
    };

    public static string Places(EventSummary e) => e.PlacesLeft switch
    {
        _ when e.Status == EventStatus.Cancelled => "Cancelled",
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
