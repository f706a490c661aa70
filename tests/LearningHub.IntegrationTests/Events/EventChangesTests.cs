using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Events;

/// <summary>Moving or cancelling a session tells everyone, with calendar updates that clients accept; the private feed lists bookings.</summary>
public sealed class EventChangesTests : IClassFixture<EventsFactory>
{
    private readonly EventsFactory _factory;

    public EventChangesTests(EventsFactory factory) => _factory = factory;

    [Fact]
    public async Task Moving_a_session_sends_an_updated_invite_with_a_higher_sequence_and_moves_the_reminder()
    {
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        var eventId = await _factory.CreateEventAsync("norfolk", 5, d => d with { Title = "Move me" }, now: now);
        var booking = (await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(801))).Booking!;
        var reminderKey = BookingMail.ReminderKey(booking, 0);
        Assert.Equal(OutboxStatus.Pending, await _factory.WithBoardAsync("norfolk", db => db.Set<OutboxMessage>().Where(m => m.DedupeKey == reminderKey).Select(m => m.Status).SingleAsync()));

        await _factory.WithBoardServicesAsync("norfolk", async s =>
        {
            var ev = await s.GetRequiredService<LearningHubDbContext>().Set<LearningEvent>().SingleAsync(e => e.Id == eventId);
            await s.GetRequiredService<EventAdmin>().UpdateAsync(eventId, EventAdmin.DetailsOf(ev) with { StartUtc = ev.StartUtc.AddDays(1), EndUtc = ev.EndUtc.AddDays(1) });
            return true;
        });

        var changed = Assert.Single(await _factory.MailsAsync("norfolk", EventMailTemplates.Changed.Key, booking.Email));
        var invite = Assert.Single(Ical.Net.Calendar.Load(changed.AttachmentContent!)!.Events);
        Assert.Equal($"booking-{booking.Reference}@learninghub", invite.Uid);
        Assert.Equal(1, invite.Sequence);
        Assert.Equal(OutboxStatus.Cancelled, await _factory.WithBoardAsync("norfolk", db => db.Set<OutboxMessage>().Where(m => m.DedupeKey == reminderKey).Select(m => m.Status).SingleAsync()));
        var newReminder = await _factory.WithBoardAsync("norfolk", db => db.Set<OutboxMessage>().SingleAsync(m => m.DedupeKey == BookingMail.ReminderKey(booking, 1)));
        var moved = await _factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().SingleAsync(e => e.Id == eventId));
        Assert.Equal(moved.StartUtc.AddDays(-2), newReminder.NextAttemptUtc, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Cancelling_a_session_cancels_every_booking_with_a_calendar_cancellation()
    {
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        var eventId = await _factory.CreateEventAsync("norfolk", 1, d => d with { Title = "Cancel me" }, now: now);
        var holder = (await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(811))).Booking!;
        var waiting = (await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(812))).Booking!;

        await _factory.WithBoardServicesAsync("norfolk", async s =>
        {
            await s.GetRequiredService<EventAdmin>().CancelAsync(eventId);
            return true;
        });

        Assert.Equal(BookingStatus.Cancelled, (await _factory.BookingAsync("norfolk", holder.Reference)).Status);
        Assert.Equal(BookingStatus.Cancelled, (await _factory.BookingAsync("norfolk", waiting.Reference)).Status);
        var toHolder = Assert.Single(await _factory.MailsAsync("norfolk", EventMailTemplates.EventCancelled.Key, holder.Email));
        var calendar = Ical.Net.Calendar.Load(toHolder.AttachmentContent!);
        Assert.NotNull(calendar);
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal(1, Assert.Single(calendar.Events).Sequence);
        var toWaiting = Assert.Single(await _factory.MailsAsync("norfolk", EventMailTemplates.EventCancelled.Key, waiting.Email));
        Assert.Null(toWaiting.AttachmentContent);
        Assert.Equal(OutboxStatus.Cancelled, await _factory.WithBoardAsync("norfolk", db => db.Set<OutboxMessage>().Where(m => m.DedupeKey == BookingMail.ReminderKey(holder, 0)).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_private_calendar_feed_lists_the_persons_bookings()
    {
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        var eventId = await _factory.CreateEventAsync("norfolk", 5, d => d with { Title = "In my feed" }, now: now);
        var booking = (await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(821))).Booking!;
        var token = await _factory.WithBoardServicesAsync("norfolk", s => s.GetRequiredService<CalendarFeeds>().ResetAsync(booking.UserId!));

        var feed = await _factory.CreateClient().GetStringAsync($"/norfolk/calendar/{token}.ics");

        var entry = Assert.Single(Ical.Net.Calendar.Load(feed)!.Events);
        Assert.Equal("In my feed", entry.Summary);
        Assert.Equal($"booking-{booking.Reference}@learninghub", entry.Uid);
    }
}
