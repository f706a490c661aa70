using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Events;

/// <summary>Acceptance 3: a freed place is offered in order; an unanswered offer runs out and passes on; accepting confirms.</summary>
public sealed class WaitingListTests : IClassFixture<EventsFactory>
{
    private readonly EventsFactory _factory;

    public WaitingListTests(EventsFactory factory) => _factory = factory;

    [Fact]
    public async Task A_cancellation_offers_the_place_to_the_first_in_line_then_the_second_when_the_offer_runs_out()
    {
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        var eventId = await _factory.CreateEventAsync("norfolk", 1, now: now, startsIn: TimeSpan.FromDays(20));
        var holder = (await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(101))).Booking!;
        var first = (await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(102))).Booking!;
        var second = (await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(103))).Booking!;
        Assert.Equal(BookingStatus.Confirmed, holder.Status);
        Assert.Equal(BookingStatus.Waitlisted, first.Status);
        Assert.Equal(BookingStatus.Waitlisted, second.Status);
        Assert.Single(await _factory.MailsAsync("norfolk", EventMailTemplates.Waitlisted.Key, first.Email));

        var cancelled = await _factory.WithBoardServicesAsync("norfolk", s => s.GetRequiredService<BookingChanges>().CancelAsync(holder.Reference, holder.UserId!));

        Assert.Equal(ChangeOutcome.Done, cancelled);
        var offered = await _factory.BookingAsync("norfolk", first.Reference);
        Assert.Equal(BookingStatus.Offered, offered.Status);
        // The board's window is 48 hours and the event is 20 days away, so the full window applies.
        Assert.Equal(now.AddHours(48), offered.OfferExpiresUtc!.Value, TimeSpan.FromSeconds(1));
        var offerMail = Assert.Single(await _factory.MailsAsync("norfolk", EventMailTemplates.Offered.Key, first.Email));
        Assert.Contains($"/norfolk/events/bookings/{first.Reference}/offer?choice=accept", offerMail.TextBody);
        Assert.Contains("choice=decline", offerMail.TextBody);
        Assert.Equal(BookingStatus.Waitlisted, (await _factory.BookingAsync("norfolk", second.Reference)).Status);
        var cancelMail = Assert.Single(await _factory.MailsAsync("norfolk", EventMailTemplates.Cancelled.Key, holder.Email));
        Assert.Contains("METHOD:CANCEL", cancelMail.AttachmentContent);
        Assert.Contains("SEQUENCE:1", cancelMail.AttachmentContent);

        // Nothing happens before the offer runs out.
        _factory.Clock.Advance(TimeSpan.FromHours(47));
        await _factory.Services.GetRequiredService<WaitlistProcessor>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(BookingStatus.Offered, (await _factory.BookingAsync("norfolk", first.Reference)).Status);

        _factory.Clock.Advance(TimeSpan.FromHours(2));
        await _factory.Services.GetRequiredService<WaitlistProcessor>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(BookingStatus.OfferExpired, (await _factory.BookingAsync("norfolk", first.Reference)).Status);
        Assert.Single(await _factory.MailsAsync("norfolk", EventMailTemplates.OfferExpired.Key, first.Email));
        Assert.Equal(BookingStatus.Offered, (await _factory.BookingAsync("norfolk", second.Reference)).Status);

        var accepted = await _factory.WithBoardServicesAsync("norfolk", s => s.GetRequiredService<BookingChanges>().AnswerOfferAsync(second.Reference, second.UserId!, accept: true));

        Assert.Equal(ChangeOutcome.Done, accepted);
        Assert.Equal(BookingStatus.Confirmed, (await _factory.BookingAsync("norfolk", second.Reference)).Status);
        var confirmation = Assert.Single(await _factory.MailsAsync("norfolk", EventMailTemplates.Confirmed.Key, second.Email));
        Assert.Contains("METHOD:REQUEST", confirmation.AttachmentContent);
        // The one who let the offer run out cannot take it back.
        var late = await _factory.WithBoardServicesAsync("norfolk", s => s.GetRequiredService<BookingChanges>().AnswerOfferAsync(first.Reference, first.UserId!, accept: true));
        Assert.Equal(ChangeOutcome.NotAllowed, late);
    }

    [Fact]
    public async Task An_event_inside_the_offer_window_gets_a_shorter_offer()
    {
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        var eventId = await _factory.CreateEventAsync("norfolk", 1, now: now, startsIn: TimeSpan.FromHours(20));
        var holder = (await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(201))).Booking!;
        var next = (await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(202))).Booking!;

        await _factory.WithBoardServicesAsync("norfolk", s => s.GetRequiredService<BookingChanges>().CancelAsync(holder.Reference, holder.UserId!));

        var offered = await _factory.BookingAsync("norfolk", next.Reference);
        Assert.Equal(BookingStatus.Offered, offered.Status);
        // Half the 20 hours left, not the board's 48.
        Assert.Equal(now.AddHours(10), offered.OfferExpiresUtc!.Value, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Raising_the_capacity_offers_the_new_places_in_order_and_a_person_may_leave_the_list()
    {
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        var eventId = await _factory.CreateEventAsync("norfolk", 1, now: now);
        await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(301));
        var waiting = new List<Booking>();
        for (var n = 302; n <= 305; n++)
        {
            waiting.Add((await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(n))).Booking!);
        }

        var left = await _factory.WithBoardServicesAsync("norfolk", s => s.GetRequiredService<BookingChanges>().CancelAsync(waiting[0].Reference, waiting[0].UserId!));
        Assert.Equal(ChangeOutcome.Done, left);
        Assert.Equal(BookingStatus.Cancelled, (await _factory.BookingAsync("norfolk", waiting[0].Reference)).Status);

        await _factory.WithBoardServicesAsync("norfolk", async s =>
        {
            var admin = s.GetRequiredService<EventAdmin>();
            var ev = await s.GetRequiredService<LearningHub.Core.Data.LearningHubDbContext>().Set<LearningEvent>().FindAsync(eventId);
            await admin.UpdateAsync(eventId, EventAdmin.DetailsOf(ev!) with { Capacity = 3 });
            return true;
        });

        Assert.Equal(BookingStatus.Offered, (await _factory.BookingAsync("norfolk", waiting[1].Reference)).Status);
        Assert.Equal(BookingStatus.Offered, (await _factory.BookingAsync("norfolk", waiting[2].Reference)).Status);
        Assert.Equal(BookingStatus.Waitlisted, (await _factory.BookingAsync("norfolk", waiting[3].Reference)).Status);
    }
}
