using System.Linq.Expressions;
using LearningHub.Events.Domain;

namespace LearningHub.Tests.Events;

/// <summary>Each transition of a booking, from the states it allows, and refused from the others.</summary>
public sealed class BookingTransitionTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    private static Booking NewRequest(string userId = "u1") =>
        Booking.Request(Guid.NewGuid(), Guid.NewGuid(), "NSCB-7Q4K2", userId, "Sam Smith", "sam@school.example", "School", null, "Teacher",
            "Norwich", "head@school.example", null, Now);

    private static Booking Confirmed()
    {
        var booking = NewRequest();
        booking.Confirm(Now);
        return booking;
    }

    private static Booking Pending(DateTime? until = null)
    {
        var booking = NewRequest();
        booking.HoldForApproval(until ?? Now.AddDays(3), "nonce-1");
        return booking;
    }

    private static Booking Waiting(int position = 1)
    {
        var booking = NewRequest();
        booking.JoinWaitingList(position);
        return booking;
    }

    private static Booking Offered(DateTime? until = null)
    {
        var booking = Waiting();
        booking.Offer(until ?? Now.AddHours(48));
        return booking;
    }

    private static Booking Cancelled()
    {
        var booking = Confirmed();
        booking.Cancel(Now, "practitioner");
        return booking;
    }

    private static void Refused(Action transition) =>
        Assert.Contains("Cannot", Assert.Throws<InvalidOperationException>(transition).Message, StringComparison.Ordinal);

    [Fact]
    public void A_new_request_is_confirmed_with_the_person_active_and_no_hold()
    {
        var booking = NewRequest();

        booking.Confirm(Now);

        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(Now, booking.ConfirmedUtc);
        Assert.Equal("u1", booking.ActiveUserId);
        Assert.Null(booking.HoldExpiresUtc);
        Assert.Null(booking.WaitlistPosition);
        Assert.True(booking.HoldsPlace(Now));
    }

    [Fact]
    public void Confirm_is_refused_once_a_request_is_decided()
    {
        Refused(() => Confirmed().Confirm(Now));
        Refused(() => Waiting().Confirm(Now));
        Refused(() => Pending().Confirm(Now));
        Refused(() => Cancelled().Confirm(Now));
    }

    [Fact]
    public void A_new_request_is_held_for_approval_until_the_hold_runs_out()
    {
        var booking = NewRequest();

        booking.HoldForApproval(Now.AddDays(3), "nonce-1");

        Assert.Equal(BookingStatus.PendingApproval, booking.Status);
        Assert.Equal(Now.AddDays(3), booking.HoldExpiresUtc);
        Assert.Equal("nonce-1", booking.ApprovalNonce);
        Assert.True(booking.HoldsPlace(Now));
        Assert.False(booking.HoldsPlace(Now.AddDays(3)));
    }

    [Fact]
    public void HoldForApproval_is_refused_once_a_request_is_decided()
    {
        Refused(() => Confirmed().HoldForApproval(Now.AddDays(1), "n"));
        Refused(() => Pending().HoldForApproval(Now.AddDays(1), "n"));
        Refused(() => Cancelled().HoldForApproval(Now.AddDays(1), "n"));
    }

    [Fact]
    public void A_new_request_joins_the_waiting_list_at_its_position_without_a_place()
    {
        var booking = NewRequest();

        booking.JoinWaitingList(4);

        Assert.Equal(BookingStatus.Waitlisted, booking.Status);
        Assert.Equal(4, booking.WaitlistPosition);
        Assert.True(booking.IsActive);
        Assert.False(booking.HoldsPlace(Now));
    }

    [Fact]
    public void JoinWaitingList_is_refused_once_a_request_is_decided()
    {
        Refused(() => Waiting().JoinWaitingList(2));
        Refused(() => Confirmed().JoinWaitingList(2));
        Refused(() => Offered().JoinWaitingList(2));
    }

    [Fact]
    public void A_place_is_offered_to_someone_waiting_and_held_until_the_offer_runs_out()
    {
        var booking = Waiting();

        booking.Offer(Now.AddHours(48));

        Assert.Equal(BookingStatus.Offered, booking.Status);
        Assert.Equal(Now.AddHours(48), booking.OfferExpiresUtc);
        Assert.True(booking.HoldsPlace(Now));
    }

    [Fact]
    public void Offering_a_place_is_refused_for_a_cancelled_booking()
    {
        var booking = Cancelled();

        var refused = Assert.Throws<InvalidOperationException>(() => booking.Offer(Now.AddHours(48)));

        Assert.Contains("Cancelled", refused.Message, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Null(booking.OfferExpiresUtc);
    }

    [Fact]
    public void Offering_a_place_is_refused_unless_the_booking_is_waiting()
    {
        Refused(() => Confirmed().Offer(Now.AddHours(1)));
        Refused(() => Offered().Offer(Now.AddHours(1)));
        Refused(() => Pending().Offer(Now.AddHours(1)));
        Refused(() => NewRequest().Offer(Now.AddHours(1)));
    }

    [Fact]
    public void An_accepted_offer_becomes_a_confirmed_place()
    {
        var booking = Offered();

        booking.AcceptOffer(Now);

        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Null(booking.OfferExpiresUtc);
        Assert.Null(booking.WaitlistPosition);
        Assert.Equal("u1", booking.ActiveUserId);
    }

    [Fact]
    public void AcceptOffer_is_refused_without_an_offer()
    {
        Refused(() => Waiting().AcceptOffer(Now));
        Refused(() => Confirmed().AcceptOffer(Now));
        Refused(() => Cancelled().AcceptOffer(Now));
    }

    [Fact]
    public void An_approved_hold_becomes_a_confirmed_place_and_its_links_stop_working()
    {
        var booking = Pending();

        booking.Approve(Now);

        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Null(booking.ApprovalNonce);
        Assert.Null(booking.HoldExpiresUtc);
    }

    [Fact]
    public void Approve_is_refused_unless_the_booking_waits_for_approval()
    {
        Refused(() => Confirmed().Approve(Now));
        Refused(() => Offered().Approve(Now));
        Refused(() => NewRequest().Approve(Now));
    }

    [Fact]
    public void A_declined_hold_ends_and_frees_the_person_to_book_again()
    {
        var booking = Pending();

        booking.Decline(Now);

        Assert.Equal(BookingStatus.Declined, booking.Status);
        Assert.Null(booking.ActiveUserId);
        Assert.Null(booking.ApprovalNonce);
        Assert.False(booking.IsActive);
        Assert.False(booking.HoldsPlace(Now));
    }

    [Fact]
    public void Decline_is_refused_unless_the_booking_waits_for_approval()
    {
        Refused(() => Confirmed().Decline(Now));
        Refused(() => Waiting().Decline(Now));
        Refused(() => NewRequest().Decline(Now));
    }

    [Fact]
    public void A_cancelled_booking_records_when_and_by_whom_and_frees_the_person()
    {
        var booking = Confirmed();

        booking.Cancel(Now, "coordinator");

        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Equal(Now, booking.CancelledUtc);
        Assert.Equal("coordinator", booking.CancelledBy);
        Assert.Null(booking.ActiveUserId);
        Assert.False(booking.HoldsPlace(Now));
    }

    [Fact]
    public void Every_active_booking_can_be_cancelled_and_an_ended_one_cannot()
    {
        foreach (var active in new[] { Confirmed(), Pending(), Waiting(), Offered() })
        {
            active.Cancel(Now, "practitioner");
            Assert.Equal(BookingStatus.Cancelled, active.Status);
        }

        Refused(() => Cancelled().Cancel(Now, "practitioner"));
        Refused(() => NewRequest().Cancel(Now, "practitioner"));
        var declined = Pending();
        declined.Decline(Now);
        Refused(() => declined.Cancel(Now, "practitioner"));
    }

    [Fact]
    public void A_run_out_offer_expires_and_a_run_out_approval_hold_is_declined()
    {
        var offer = Offered(Now.AddHours(1));
        var hold = Pending(Now.AddHours(1));

        offer.Expire(Now.AddHours(1));
        hold.Expire(Now.AddHours(2));

        Assert.Equal(BookingStatus.OfferExpired, offer.Status);
        Assert.Null(offer.OfferExpiresUtc);
        Assert.Null(offer.ActiveUserId);
        Assert.Equal(BookingStatus.Declined, hold.Status);
        Assert.Null(hold.ApprovalNonce);
    }

    [Fact]
    public void Expire_is_refused_while_the_hold_still_runs_or_there_is_none()
    {
        Refused(() => Offered(Now.AddHours(1)).Expire(Now));
        Refused(() => Pending(Now.AddHours(1)).Expire(Now));
        Refused(() => Confirmed().Expire(Now));
        Refused(() => Cancelled().Expire(Now));
    }

    [Fact]
    public void Attendance_is_marked_on_a_confirmed_place_and_a_scan_records_the_check_in()
    {
        var booking = Confirmed();

        booking.MarkAttendance(AttendanceMark.Attended, AttendanceSource.QrCode, "coordinator", Now);

        Assert.Equal(AttendanceMark.Attended, booking.Attendance);
        Assert.Equal(AttendanceSource.QrCode, booking.AttendanceSource);
        Assert.Equal("coordinator", booking.AttendanceRecordedBy);
        Assert.Equal(Now, booking.CheckedInUtc);

        booking.ClearAttendance();
        Assert.Null(booking.Attendance);
        Assert.Null(booking.AttendanceSource);
    }

    [Fact]
    public void Attendance_is_refused_for_a_booking_without_a_place()
    {
        Refused(() => Waiting().MarkAttendance(AttendanceMark.Attended, AttendanceSource.Register, "coordinator", Now));
        Refused(() => Cancelled().MarkAttendance(AttendanceMark.NoShow, AttendanceSource.Register, "coordinator", Now));
    }

    [Fact]
    public void A_walk_in_is_confirmed_marked_and_holds_no_place()
    {
        var walkIn = Booking.WalkIn(Guid.NewGuid(), "NSCB-AAAAA", "Wally Walker", "w@school.example", null, null, null, "coordinator", Now);

        Assert.Equal(BookingStatus.Confirmed, walkIn.Status);
        Assert.Equal(AttendanceMark.WalkIn, walkIn.Attendance);
        Assert.Null(walkIn.UserId);
        Assert.Null(walkIn.ActiveUserId);
        Assert.False(walkIn.HoldsPlace(Now));
    }

    [Fact]
    public void The_cancellation_cut_off_applies_to_a_confirmed_place_only()
    {
        var ev = new LearningEvent { StartUtc = Now.AddDays(2), EndUtc = Now.AddDays(2).AddHours(3), CancellationCutoffUtc = Now.AddDays(1) };

        Assert.False(Confirmed().TooLateToCancel(ev, Now));
        Assert.True(Confirmed().TooLateToCancel(ev, Now.AddDays(1)));
        Assert.False(Waiting().TooLateToCancel(ev, Now.AddDays(1)));
        Assert.True(Waiting().CanCancel(ev, Now.AddDays(1)));
        Assert.False(Cancelled().CanCancel(ev, Now));
    }

    [Fact]
    public void The_query_rule_and_the_in_memory_rule_for_holding_a_place_agree()
    {
        var bookings = new[]
        {
            Confirmed(), Pending(Now.AddMinutes(1)), Pending(Now), Waiting(), Offered(Now.AddMinutes(1)), Offered(Now), Cancelled(),
            Booking.WalkIn(Guid.NewGuid(), "NSCB-BBBBB", "W", "w@x.example", null, null, null, "c", Now),
        };
        Expression<Func<Booking, bool>> rule = Booking.HoldsPlaceAt(Now);

        Assert.Equal(bookings.Select(b => b.HoldsPlace(Now)), bookings.AsQueryable().Select(b => rule.Compile()(b)));
        Assert.Equal(3, bookings.AsQueryable().Count(rule));
    }

    [Fact]
    public void My_booking_is_found_by_its_reference_as_typed_and_only_for_its_holder()
    {
        var bookings = new[] { NewRequest("u1"), NewRequest("u2") }.AsQueryable();

        Assert.Single(bookings.Where(Booking.Mine(" nscb-7q4k2 ", "u1")));
        Assert.Empty(bookings.Where(Booking.Mine("NSCB-7Q4K2", "u3")));
        Assert.Empty(bookings.Where(Booking.Mine("NSCB-7Q4K2", null)));
    }
}
