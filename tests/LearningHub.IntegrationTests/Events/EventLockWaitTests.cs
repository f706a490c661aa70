using System.Diagnostics;
using System.Net;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// Waiting for an event's lock is bounded (<see cref="EventsOptions.LockWait"/>): while another decision holds
/// it, a booking gets the calm "try again in a moment" page within the bound, and nothing is saved for it.
/// In the concurrency collection, as holding the lock (process-wide on SQLite) would stall other classes' bookings.
/// </summary>
[Collection(BookingConcurrencyCollection.Name)]
public sealed class EventLockWaitTests
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(1);

    /// <summary>How long past the bound the answer may take on a slow, shared machine before the test calls it unbounded.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(20);

    private sealed class ShortWaitFactory : EventsFactory
    {
        protected override IReadOnlyDictionary<string, string?> EventSettings => new Dictionary<string, string?>
        {
            ["Events:LockWait"] = LockWait.ToString("c"),
        };
    }

    [Fact]
    public async Task A_booking_that_cannot_get_the_event_in_time_is_asked_to_try_again_and_nothing_is_saved()
    {
        await using var factory = new ShortWaitFactory();
        var eventId = await factory.CreateEventAsync("norfolk", 5);
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var check = await client.GetDocumentAsync($"/norfolk/events/{eventId}/book/check");
        var token = check.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Another decision holds the event's lock, through the same EventLock the booking waits on.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = factory.WithBoardServicesAsync("norfolk", services => services.GetRequiredService<EventLock>().RunAsync(eventId, async () =>
        {
            held.SetResult();
            await release.Task;
            return true;
        }, CancellationToken.None));
        HttpResponseMessage response;
        var waited = Stopwatch.StartNew();
        try
        {
            await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
            response = await client.PostAsync($"/norfolk/events/{eventId}/book/check",
                    new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
                .WaitAsync(LockWait + Slack);
            waited.Stop();
        }
        finally
        {
            release.TrySetResult();
            await holder.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.True(waited.Elapsed >= LockWait * 0.9, $"The booking was answered after {waited.Elapsed}, before the bound: it did not wait for the lock.");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DecisionRetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        var page = await response.ParseAsync();
        Assert.Equal("Many people are booking this event right now. Please try again in a moment.", page.QuerySelector("#busy")!.TextContent);
        Assert.False(await factory.WithBoardAsync("norfolk", db => db.Set<Booking>().AnyAsync(b => b.EventId == eventId)));

        // Once the lock is free, trying again books the place.
        var again = await client.PostAsync($"/norfolk/events/{eventId}/book/check",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var reference = again.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0];
        Assert.Equal(BookingStatus.Confirmed, (await factory.BookingAsync("norfolk", reference)).Status);
    }

    [Fact]
    public async Task A_decision_waiting_past_the_bound_throws_busy_before_touching_anything()
    {
        await using var factory = new ShortWaitFactory();
        var eventId = await factory.CreateEventAsync("norfolk", 5);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = factory.WithBoardServicesAsync("norfolk", services => services.GetRequiredService<EventLock>().RunAsync(eventId, async () =>
        {
            held.SetResult();
            await release.Task;
            return true;
        }, CancellationToken.None));
        try
        {
            await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var ran = false;
            var busy = await Assert.ThrowsAsync<EventBusyException>(() => factory.WithBoardServicesAsync("norfolk", services =>
                services.GetRequiredService<EventLock>().RunAsync(eventId, () =>
                {
                    ran = true;
                    return Task.FromResult(true);
                }, CancellationToken.None)).WaitAsync(LockWait + Slack));
            Assert.Equal(eventId, busy.EventId);
            Assert.False(ran);
        }
        finally
        {
            release.TrySetResult();
            await holder.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private const int DecisionRetryAfterSeconds = LearningHub.Events.Pages.Events.DecisionPageModel.RetryAfterSeconds;
}
