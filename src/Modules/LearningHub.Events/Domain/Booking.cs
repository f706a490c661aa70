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
/// <remarks>
/// A booking's state changes only through the transitions below, each of which refuses a booking in
/// the wrong state (<see cref="InvalidOperationException"/>). A new request comes from
/// <see cref="Request"/> (or <see cref="WalkIn"/>) and is decided by <see cref="Confirm"/>,
/// <see cref="HoldForApproval"/> or <see cref="JoinWaitingList"/>. The state can also be given when a
/// booking is created with an object initialiser (seed data, test fixtures), never assigned afterwards.
/// </remarks>
public class Booking : IBoardOwned
{
    private string? _userId;
    private string _fullName = "";
    private string _email = "";
    private string? _jobRole;
    private string? _lineManagerEmail;
    private string? _answer;
    private BookingStatus _status;
    private int? _waitlistPosition;
    private DateTime? _offerExpiresUtc;
    private DateTime? _holdExpiresUtc;
    private string? _approvalNonce;
    private DateTime? _confirmedUtc;
    private AttendanceMark? _attendance;
    private DateTime? _checkedInUtc;

    /// <summary>Set by <see cref="Request"/> only: a request not yet given a place, a hold or a queue position (never stored).</summary>
    private bool _undecided;

    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid EventId { get; init; }

    /// <summary>Short, readable, board-prefixed: <c>NSCB-7Q4K2</c>.</summary>
    public string Reference { get; init; } = "";

    /// <summary>The account that booked; null for a walk-in added at the door.</summary>
    public string? UserId { get => _userId; init => _userId = value; }

    /// <summary>
    /// The account while the booking is active, null otherwise: a unique index on (event, this) is what
    /// makes "one active booking per person per event" hold even between two racing requests.
    /// </summary>
    /// <remarks>Kept settable for the retention tests' fixture, which stores an active booking directly; the transitions keep it in step.</remarks>
    public string? ActiveUserId { get; set; }

    public string FullName { get => _fullName; init => _fullName = value; }

    public string Email { get => _email; init => _email = value; }

    public string? AgencyName { get; init; }

    public Sector? Sector { get; init; }

    public string? JobRole { get => _jobRole; init => _jobRole = value; }

    public string? LocalityName { get; init; }

    public string? LineManagerEmail { get => _lineManagerEmail; init => _lineManagerEmail = value; }

    /// <summary>The answer to the event's <see cref="LearningEvent.BookingQuestion"/>.</summary>
    public string? Answer { get => _answer; init => _answer = value; }

    public BookingStatus Status { get => _status; init => _status = value; }

    /// <summary>Order of arrival on the waiting list (1, 2, 3...), given under the event lock so no two share one.</summary>
    public int? WaitlistPosition { get => _waitlistPosition; init => _waitlistPosition = value; }

    public DateTime? OfferExpiresUtc { get => _offerExpiresUtc; init => _offerExpiresUtc = value; }

    /// <summary>Until when a place is held for a manager's approval.</summary>
    public DateTime? HoldExpiresUtc { get => _holdExpiresUtc; init => _holdExpiresUtc = value; }

    /// <summary>Changes whenever approval links are issued or used, so an old or used link no longer matches.</summary>
    public string? ApprovalNonce { get => _approvalNonce; init => _approvalNonce = value; }

    public DateTime CreatedUtc { get; init; }

    public DateTime? ConfirmedUtc { get => _confirmedUtc; init => _confirmedUtc = value; }

    public DateTime? CancelledUtc { get; private set; }

    /// <summary>Who cancelled: "practitioner", "coordinator" or the coordinator's name.</summary>
    public string? CancelledBy { get; private set; }

    /// <summary>SEQUENCE of the last calendar invite or cancellation sent for this booking.</summary>
    public int CalendarSequence { get; private set; }

    public bool IsWalkIn { get; init; }

    public AttendanceMark? Attendance { get => _attendance; init => _attendance = value; }

    public AttendanceSource? AttendanceSource { get; private set; }

    public string? AttendanceRecordedBy { get; private set; }

    public DateTime? AttendanceRecordedUtc { get; private set; }

    /// <summary>When the person's QR code was scanned at the door.</summary>
    public DateTime? CheckedInUtc { get => _checkedInUtc; init => _checkedInUtc = value; }

    public bool IsActive => Status is BookingStatus.PendingApproval or BookingStatus.Confirmed or BookingStatus.Waitlisted or BookingStatus.Offered;

    /// <summary>
    /// Whether a booking uses one of the event's places at a moment: confirmed, or a hold (offer or
    /// approval) not yet run out. Walk-ins are extra. The one rule every count of places uses: in queries
    /// through <see cref="HoldsPlaceAt"/>, in memory through <see cref="HoldsPlace"/>.
    /// </summary>
    private static readonly Expression<Func<Booking, DateTime, bool>> HoldsPlaceRule = (b, nowUtc) => !b.IsWalkIn
        && (b.Status == BookingStatus.Confirmed
            || (b.Status == BookingStatus.PendingApproval && b.HoldExpiresUtc > nowUtc)
            || (b.Status == BookingStatus.Offered && b.OfferExpiresUtc > nowUtc));

    /// <summary>Whether an offer or an approval hold has run out at a moment and waits to be ended (<see cref="Expire"/>).</summary>
    private static readonly Expression<Func<Booking, DateTime, bool>> HoldRunOutRule = (b, nowUtc) =>
        (b.Status == BookingStatus.Offered && b.OfferExpiresUtc <= nowUtc)
        || (b.Status == BookingStatus.PendingApproval && b.HoldExpiresUtc <= nowUtc);

    private static readonly Func<Booking, DateTime, bool> HoldsPlaceCompiled = HoldsPlaceRule.Compile();

    private static readonly Func<Booking, DateTime, bool> HoldRunOutCompiled = HoldRunOutRule.Compile();

    /// <summary>The place-holding rule at <paramref name="nowUtc"/>, for a query's <c>Where</c> or <c>Count</c>.</summary>
    public static Expression<Func<Booking, bool>> HoldsPlaceAt(DateTime nowUtc) => At(HoldsPlaceRule, nowUtc);

    /// <summary>The run-out rule at <paramref name="nowUtc"/>, for a query: offers and approval holds to end.</summary>
    public static Expression<Func<Booking, bool>> HoldRunOutAt(DateTime nowUtc) => At(HoldRunOutRule, nowUtc);

    /// <summary>Whether this booking uses one of the event's places at <paramref name="nowUtc"/> (<see cref="HoldsPlaceAt"/>, in memory).</summary>
    public bool HoldsPlace(DateTime nowUtc) => HoldsPlaceCompiled(this, nowUtc);

    /// <summary>Whether this booking's offer or approval hold has run out at <paramref name="nowUtc"/> (<see cref="HoldRunOutAt"/>, in memory).</summary>
    public bool HoldRunOut(DateTime nowUtc) => HoldRunOutCompiled(this, nowUtc);

    /// <summary>The booking <paramref name="userId"/> made under <paramref name="reference"/> (as typed or linked: normalised here).</summary>
    public static Expression<Func<Booking, bool>> Mine(string reference, string? userId)
    {
        var normalised = BookingReference.Normalise(reference);
        return b => b.Reference == normalised && b.UserId == userId;
    }

    /// <summary>
    /// <paramref name="rule"/> with its moment bound to <paramref name="nowUtc"/> as a captured value, so EF Core
    /// sends it as a query parameter (one cached query plan) rather than a constant.
    /// </summary>
    private static Expression<Func<Booking, bool>> At(Expression<Func<Booking, DateTime, bool>> rule, DateTime nowUtc)
    {
        Expression<Func<DateTime>> captured = () => nowUtc;
        var body = new Substitute(rule.Parameters[1], captured.Body).Visit(rule.Body);
        return Expression.Lambda<Func<Booking, bool>>(body, rule.Parameters[0]);
    }

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }

    /// <summary>Whether the holder may no longer cancel online: a confirmed place, once the event's cancellation cut-off has passed.</summary>
    public bool TooLateToCancel(LearningEvent ev, DateTime nowUtc) => Status == BookingStatus.Confirmed && nowUtc >= ev.CancellationCutoffAt;

    /// <summary>Whether the holder may cancel (or leave the waiting list) online now.</summary>
    public bool CanCancel(LearningEvent ev, DateTime nowUtc) => IsActive && !TooLateToCancel(ev, nowUtc);

    /// <summary>A new request for a place, not yet decided: <see cref="Confirm"/>, <see cref="HoldForApproval"/> or <see cref="JoinWaitingList"/> decides it.</summary>
    public static Booking Request(Guid id, Guid eventId, string reference, string userId, string fullName, string email, string? agencyName,
        Sector? sector, string? jobRole, string? localityName, string? lineManagerEmail, string? answer, DateTime nowUtc) => new()
        {
            Id = id,
            EventId = eventId,
            Reference = reference,
            UserId = userId,
            ActiveUserId = userId,
            FullName = fullName,
            Email = email,
            AgencyName = agencyName,
            Sector = sector,
            JobRole = jobRole,
            LocalityName = localityName,
            LineManagerEmail = lineManagerEmail,
            Answer = answer,
            CreatedUtc = nowUtc,
            _undecided = true,
        };

    /// <summary>Someone who came without a booking, added to the register at the door: confirmed and marked Walk-in.</summary>
    public static Booking WalkIn(Guid eventId, string reference, string fullName, string email, string? agencyName, Sector? sector, string? jobRole,
        string recordedBy, DateTime nowUtc, string? localityName = null)
    {
        var booking = new Booking
        {
            EventId = eventId,
            Reference = reference,
            FullName = fullName,
            Email = email,
            AgencyName = agencyName,
            Sector = sector,
            JobRole = jobRole,
            LocalityName = localityName,
            CreatedUtc = nowUtc,
            IsWalkIn = true,
            _undecided = true,
        };
        booking.Confirm(nowUtc);
        booking.MarkAttendance(AttendanceMark.WalkIn, Domain.AttendanceSource.Register, recordedBy, nowUtc);
        return booking;
    }

    /// <summary>A new request gets a place.</summary>
    public void Confirm(DateTime nowUtc)
    {
        Require(_undecided, "confirm", "only a new request can be confirmed directly (use Approve or AcceptOffer)");
        Place(nowUtc);
    }

    /// <summary>A new request for an event that needs a manager's approval: a place is held until <paramref name="untilUtc"/>.</summary>
    public void HoldForApproval(DateTime untilUtc, string nonce)
    {
        Require(_undecided, "hold for approval", "only a new request can wait for approval");
        _undecided = false;
        _status = BookingStatus.PendingApproval;
        _holdExpiresUtc = untilUtc;
        _approvalNonce = nonce;
    }

    /// <summary>A new request for a full event joins the waiting list at <paramref name="position"/>.</summary>
    public void JoinWaitingList(int position)
    {
        Require(_undecided, "add to the waiting list", "only a new request can join the waiting list");
        _undecided = false;
        _status = BookingStatus.Waitlisted;
        _waitlistPosition = position;
    }

    /// <summary>A freed place is offered to someone on the waiting list, held for them until <paramref name="expiresUtc"/>.</summary>
    public void Offer(DateTime expiresUtc)
    {
        Require(Is(BookingStatus.Waitlisted), "offer a place to", "only a booking on the waiting list can be offered a place");
        _status = BookingStatus.Offered;
        _offerExpiresUtc = expiresUtc;
    }

    /// <summary>The holder of an offer takes the place.</summary>
    public void AcceptOffer(DateTime nowUtc)
    {
        Require(Is(BookingStatus.Offered), "accept an offer for", "only an offered place can be accepted");
        Place(nowUtc);
    }

    /// <summary>The line manager approves: the held place becomes the person's.</summary>
    public void Approve(DateTime nowUtc)
    {
        Require(Is(BookingStatus.PendingApproval), "approve", "only a booking waiting for approval can be approved");
        Place(nowUtc);
    }

    /// <summary>The line manager declines: the held place is freed.</summary>
    public void Decline(DateTime nowUtc)
    {
        Require(Is(BookingStatus.PendingApproval), "decline", "only a booking waiting for approval can be declined");
        End(BookingStatus.Declined);
    }

    /// <summary>
    /// An offer or approval hold that has run out ends: an offer as <see cref="BookingStatus.OfferExpired"/>, an
    /// unanswered approval as <see cref="BookingStatus.Declined"/>. Refused while the hold still runs.
    /// </summary>
    public void Expire(DateTime nowUtc)
    {
        Require(!_undecided && HoldRunOut(nowUtc), "expire", "only an offer or approval hold that has run out can expire");
        End(Status == BookingStatus.Offered ? BookingStatus.OfferExpired : BookingStatus.Declined);
    }

    /// <summary>The booking is cancelled (by the holder, a coordinator, the event's cancellation or an erasure), freeing the person to book again.</summary>
    public void Cancel(DateTime nowUtc, string? by)
    {
        Require(!_undecided && IsActive, "cancel", "it has already been cancelled or has ended");
        End(BookingStatus.Cancelled);
        CancelledUtc = nowUtc;
        CancelledBy = by;
    }

    public void MarkAttendance(AttendanceMark mark, AttendanceSource source, string recordedBy, DateTime nowUtc)
    {
        Require(Is(BookingStatus.Confirmed), "mark attendance for", "only a confirmed place can be marked on the register");
        _attendance = mark;
        AttendanceSource = source;
        AttendanceRecordedBy = recordedBy;
        AttendanceRecordedUtc = nowUtc;
        if (source == Domain.AttendanceSource.QrCode)
        {
            _checkedInUtc = nowUtc;
        }
    }

    /// <summary>The register's mark is taken off (a mark made in error).</summary>
    public void ClearAttendance()
    {
        _attendance = null;
        AttendanceSource = null;
    }

    /// <summary>The next SEQUENCE for a calendar invite or cancellation about this booking, so calendars replace the last one.</summary>
    public int NextCalendarSequence() => ++CalendarSequence;

    /// <summary>The person's line manager asked for their data to be erased: this booking forgets their address.</summary>
    public void ForgetLineManager() => _lineManagerEmail = null;

    private void Place(DateTime nowUtc)
    {
        _undecided = false;
        _status = BookingStatus.Confirmed;
        _confirmedUtc = nowUtc;
        _offerExpiresUtc = null;
        _holdExpiresUtc = null;
        _approvalNonce = null;
        _waitlistPosition = null;
        ActiveUserId = UserId;
    }

    private void End(BookingStatus status)
    {
        _status = status;
        ActiveUserId = null;
        _offerExpiresUtc = null;
        _holdExpiresUtc = null;
        _approvalNonce = null;
    }

    /// <summary>Whether the booking is decided and in <paramref name="status"/> (a new request's status means nothing yet).</summary>
    private bool Is(BookingStatus status) => !_undecided && Status == status;

    private void Require(bool allowed, string action, string why)
    {
        if (!allowed)
        {
            throw new InvalidOperationException($"Cannot {action} booking {Reference} while it is {(_undecided ? "a new request" : Status.ToString())}: {why}.");
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
        _userId = null;
        ActiveUserId = null;
        _fullName = RemovedName;
        _email = "";
        _jobRole = null;
        _lineManagerEmail = null;
        _answer = null;
        _approvalNonce = null;
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
