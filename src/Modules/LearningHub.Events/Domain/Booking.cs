using System.Linq.Expressions;
using LearningHub.Core.Boards;
using LearningHub.Core.Taxonomies;
using Microsoft.EntityFrameworkCore.Query;

namespace LearningHub.Events.Domain;

public enum BookingStatus
{
    /// <summary>Waiting for the line manager; the place is held until <see cref="Booking.HoldExpiresUtc"/>.</summary>
    PendingApproval,
    Confirmed,
    Waitlisted,
    /// <summary>A freed place is offered and held until <see cref="Booking.OfferExpiresUtc"/>.</summary>
    Offered,
    Cancelled,
    /// <summary>An offer ran out unanswered; the place passed on.</summary>
    OfferExpired,
    /// <summary>The line manager declined, or did not answer in time.</summary>
    Declined,
}

public enum AttendanceMark
{
    Attended,
    PartlyAttended,
    NoShow,
    WalkIn,
}

public enum AttendanceSource
{
    Register,
    QrCode,
}

/// <summary>
/// One person's place (or wait for one) at an event, with a snapshot of who they were when they booked
/// (name, email, agency, sector, role, locality), so reports stay true when a profile later changes.
/// </summary>
public class Booking : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid EventId { get; set; }

    /// <summary>Short, readable, board-prefixed: <c>NSCB-7Q4K2</c>.</summary>
    public string Reference { get; set; } = "";

    /// <summary>The account that booked; null for a walk-in added at the door.</summary>
    public string? UserId { get; set; }

    /// <summary>
    /// The account while the booking is active, null otherwise: a unique index on (event, this) is what
    /// makes "one active booking per person per event" hold even between two racing requests.
    /// </summary>
    public string? ActiveUserId { get; set; }

    public string FullName { get; set; } = "";

    public string Email { get; set; } = "";

    public string? AgencyName { get; set; }

    public Sector? Sector { get; set; }

    public string? JobRole { get; set; }

    public string? LocalityName { get; set; }

    public string? LineManagerEmail { get; set; }

    /// <summary>The answer to the event's <see cref="LearningEvent.BookingQuestion"/>.</summary>
    public string? Answer { get; set; }

    public BookingStatus Status { get; set; }

    /// <summary>Order of arrival on the waiting list (1, 2, 3...), given under the event lock so no two share one.</summary>
    public int? WaitlistPosition { get; set; }

    public DateTime? OfferExpiresUtc { get; set; }

    /// <summary>Until when a place is held for a manager's approval.</summary>
    public DateTime? HoldExpiresUtc { get; set; }

    /// <summary>Changes whenever approval links are issued or used, so an old or used link no longer matches.</summary>
    public string? ApprovalNonce { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? ConfirmedUtc { get; set; }

    public DateTime? CancelledUtc { get; set; }

    /// <summary>Who cancelled: "practitioner", "coordinator" or the coordinator's name.</summary>
    public string? CancelledBy { get; set; }

    /// <summary>SEQUENCE of the last calendar invite or cancellation sent for this booking.</summary>
    public int CalendarSequence { get; set; }

    public bool IsWalkIn { get; set; }

    public AttendanceMark? Attendance { get; set; }

    public AttendanceSource? AttendanceSource { get; set; }

    public string? AttendanceRecordedBy { get; set; }

    public DateTime? AttendanceRecordedUtc { get; set; }

    /// <summary>When the person's QR code was scanned at the door.</summary>
    public DateTime? CheckedInUtc { get; set; }

    public bool IsActive => Status is BookingStatus.PendingApproval or BookingStatus.Confirmed or BookingStatus.Waitlisted or BookingStatus.Offered;

    /// <summary>Whether this booking uses one of the event's places at <paramref name="nowUtc"/>: confirmed, or a hold not yet run out.</summary>
    public bool HoldsPlace(DateTime nowUtc) => !IsWalkIn && Status switch
    {
        BookingStatus.Confirmed => true,
        BookingStatus.PendingApproval => HoldExpiresUtc > nowUtc,
        BookingStatus.Offered => OfferExpiresUtc > nowUtc,
        _ => false,
    };

    public void Confirm(DateTime nowUtc)
    {
        Status = BookingStatus.Confirmed;
        ConfirmedUtc = nowUtc;
        OfferExpiresUtc = null;
        HoldExpiresUtc = null;
        ApprovalNonce = null;
        WaitlistPosition = null;
        ActiveUserId = UserId;
    }

    public void Offer(DateTime expiresUtc)
    {
        Status = BookingStatus.Offered;
        OfferExpiresUtc = expiresUtc;
    }

    /// <summary>Ends the booking in <paramref name="status"/>, freeing the person to book again.</summary>
    public void End(BookingStatus status, DateTime nowUtc, string? by = null)
    {
        Status = status;
        ActiveUserId = null;
        OfferExpiresUtc = null;
        HoldExpiresUtc = null;
        ApprovalNonce = null;
        if (status == BookingStatus.Cancelled)
        {
            CancelledUtc = nowUtc;
            CancelledBy = by;
        }
    }

    public void MarkAttendance(AttendanceMark mark, AttendanceSource source, string recordedBy, DateTime nowUtc)
    {
        Attendance = mark;
        AttendanceSource = source;
        AttendanceRecordedBy = recordedBy;
        AttendanceRecordedUtc = nowUtc;
        if (source == Domain.AttendanceSource.QrCode)
        {
            CheckedInUtc = nowUtc;
        }
    }

    /// <summary>What the snapshot of an anonymised booking shows in place of the person's name.</summary>
    public const string RemovedName = "Removed";

    /// <summary>
    /// Anonymises the booking: no name, email, job role, line manager, answer or link to an account, while the
    /// agency, sector, locality, status and attendance stay, so the board's reach report still counts it.
    /// </summary>
    public void RemovePersonalData()
    {
        UserId = null;
        ActiveUserId = null;
        FullName = RemovedName;
        Email = "";
        JobRole = null;
        LineManagerEmail = null;
        Answer = null;
        ApprovalNonce = null;
    }

    // The two below are RemovePersonalData for many rows in one UPDATE (the retention job); keep the three together.

    /// <summary>Whether any field <see cref="RemovePersonalData()"/> blanks still holds something.</summary>
    public static readonly Expression<Func<Booking, bool>> HoldsPersonalData = b =>
        b.FullName != RemovedName || b.Email != "" || b.UserId != null || b.ActiveUserId != null
        || b.JobRole != null || b.LineManagerEmail != null || b.Answer != null || b.ApprovalNonce != null;

    /// <summary>The setters of <see cref="RemovePersonalData()"/>, for <c>ExecuteUpdateAsync</c>.</summary>
    public static void RemovePersonalData(UpdateSettersBuilder<Booking> set) => set
        .SetProperty(b => b.UserId, (string?)null)
        .SetProperty(b => b.ActiveUserId, (string?)null)
        .SetProperty(b => b.FullName, RemovedName)
        .SetProperty(b => b.Email, "")
        .SetProperty(b => b.JobRole, (string?)null)
        .SetProperty(b => b.LineManagerEmail, (string?)null)
        .SetProperty(b => b.Answer, (string?)null)
        .SetProperty(b => b.ApprovalNonce, (string?)null);
}
