using LearningHub.Core.Time;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;

namespace LearningHub.Tests.Events;

public sealed class EventRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_offer_is_held_for_the_board_window_when_the_event_is_far_off()
    {
        Assert.Equal(Now.AddHours(48), OfferWindow.ExpiresAt(Now, Now.AddDays(10), 48));
    }

    [Fact]
    public void An_offer_for_an_event_inside_the_window_lasts_half_the_time_left()
    {
        Assert.Equal(Now.AddHours(12), OfferWindow.ExpiresAt(Now, Now.AddHours(24), 48));
    }

    [Fact]
    public void An_offer_never_lasts_less_than_an_hour()
    {
        Assert.Equal(Now.AddHours(1), OfferWindow.ExpiresAt(Now, Now.AddMinutes(30), 48));
    }

    [Fact]
    public void References_are_board_prefixed_with_five_unambiguous_characters()
    {
        var references = Enumerable.Range(0, 500).Select(_ => BookingReference.New("nscb")).ToList();
        Assert.All(references, r => Assert.Matches("^NSCB-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}$", r));
        Assert.True(references.Distinct().Count() > 490);
        Assert.Equal("NSCB-7Q4K2", BookingReference.Normalise(" nscb-7q4k2 "));
    }

    [Theory]
    [InlineData("+3d 09:30", 2026, 11, 24, 9, 30)]
    [InlineData("-1d 18:00", 2026, 11, 20, 18, 0)]
    [InlineData("2027-03-09 13:45", 2027, 3, 9, 13, 45)]
    public void Recipe_times_are_relative_to_the_day_applied(string text, int year, int month, int day, int hour, int minute)
    {
        Assert.True(RelativeTime.TryParse(text, new DateOnly(2026, 11, 21), out var london));
        Assert.Equal(new DateTime(year, month, day, hour, minute, 0), london);
    }

    [Theory]
    [InlineData("+21d 09:30", false, 2026, 12, 14)] // Saturday 12 December: the Monday after
    [InlineData("+22d 09:30", false, 2026, 12, 14)] // Sunday 13 December
    [InlineData("+21d 09:30", true, 2026, 12, 12)] // marked "onWeekend": kept
    public void A_relative_day_on_a_weekend_moves_to_the_monday_unless_weekends_are_allowed(string text, bool allowWeekend, int year, int month, int day)
    {
        Assert.True(RelativeTime.TryParse(text, new DateOnly(2026, 11, 21), out var london, allowWeekend));
        Assert.Equal(new DateTime(year, month, day, 9, 30, 0), london);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("+21d 9:30")]
    [InlineData("+21d 25:00")]
    public void Bad_recipe_times_are_refused(string text) => Assert.False(RelativeTime.TryParse(text, new DateOnly(2026, 11, 21), out _));

    [Fact]
    public void Times_show_in_UK_time_across_the_clock_change()
    {
        // 09:30 UTC in July is 10:30 BST; in December it is 09:30 GMT.
        Assert.Equal("Tuesday 14 July 2026, 10:30am to 1pm", LondonTime.Range(new DateTime(2026, 7, 14, 9, 30, 0, DateTimeKind.Utc), new DateTime(2026, 7, 14, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("Tuesday 8 December 2026, 9:30am to 12pm", LondonTime.Range(new DateTime(2026, 12, 8, 9, 30, 0, DateTimeKind.Utc), new DateTime(2026, 12, 8, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 7, 14, 9, 30, 0, DateTimeKind.Utc), LondonTime.ToUtc(new DateTime(2026, 7, 14, 10, 30, 0)));
    }

    [Fact]
    public void A_booking_holds_a_place_while_confirmed_or_its_hold_has_not_run_out()
    {
        Assert.True(new Booking { Status = BookingStatus.Confirmed }.HoldsPlace(Now));
        Assert.True(new Booking { Status = BookingStatus.Offered, OfferExpiresUtc = Now.AddMinutes(1) }.HoldsPlace(Now));
        Assert.False(new Booking { Status = BookingStatus.Offered, OfferExpiresUtc = Now }.HoldsPlace(Now));
        Assert.False(new Booking { Status = BookingStatus.PendingApproval, HoldExpiresUtc = Now.AddMinutes(-1) }.HoldsPlace(Now));
        Assert.False(new Booking { Status = BookingStatus.Waitlisted }.HoldsPlace(Now));
        Assert.False(new Booking { Status = BookingStatus.Confirmed, IsWalkIn = true }.HoldsPlace(Now));
    }

    [Fact]
    public void Booking_is_refused_outside_its_window_with_the_reason()
    {
        var ev = new LearningEvent { Status = EventStatus.Published, StartUtc = Now.AddDays(3), BookingOpensUtc = Now.AddDays(1) };
        Assert.Equal(BookingRefusal.NotOpenYet, ev.RefusalAt(Now));
        Assert.Null(ev.RefusalAt(Now.AddDays(2)));
        Assert.Equal(BookingRefusal.Closed, ev.RefusalAt(Now.AddDays(3)));
        Assert.Equal(BookingRefusal.NotPublished, new LearningEvent { StartUtc = Now.AddDays(3) }.RefusalAt(Now));
    }

    [Theory]
    [InlineData("sam@school.example", true)]
    [InlineData("  SAM@School.Example ", true)]
    [InlineData("head@school.example", false)]
    [InlineData("sam@school.example.evil", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_line_managers_address_is_the_bookers_own_whatever_its_case_and_spaces(string? address, bool own)
    {
        var booker = new Booker("u1", "Sam Smith", "sam@school.example", null, null, null, null);

        Assert.Equal(own, booker.IsOwnAddress(address));
    }
}
