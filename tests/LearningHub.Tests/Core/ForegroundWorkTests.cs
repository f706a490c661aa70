using System.Diagnostics;
using LearningHub.Core.Hosting;

namespace LearningHub.Tests.Core;

/// <summary>Background work gives way to work people are waiting on, but a rush never holds it back for longer than it is told.</summary>
public sealed class ForegroundWorkTests
{
    [Fact]
    public async Task With_nothing_in_flight_background_work_goes_at_once()
    {
        var work = new ForegroundWork();
        var giveWay = work.GiveWayFor(TimeSpan.FromSeconds(30));
        var waited = Stopwatch.StartNew();

        await giveWay.WaitAsync(CancellationToken.None);

        Assert.False(work.Busy);
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(5), $"waited {waited.Elapsed}");
        Assert.Equal(TimeSpan.FromSeconds(30), giveWay.Left);
    }

    [Fact]
    public async Task Background_work_waits_while_a_booking_is_in_flight_and_goes_once_it_ends()
    {
        var work = new ForegroundWork();
        var booking = work.Begin();
        var giveWay = work.GiveWayFor(TimeSpan.FromSeconds(30)).WaitAsync(CancellationToken.None);

        // Still waiting a moment later (polled with a deadline: it must not have finished on its own).
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMilliseconds(200))
        {
            Assert.False(giveWay.IsCompleted);
            await Task.Yield();
        }

        booking.Dispose();
        Assert.False(work.Busy);
        await giveWay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_rush_holds_background_work_back_no_longer_than_the_limit()
    {
        var work = new ForegroundWork();
        using var endless = work.Begin();
        var waited = Stopwatch.StartNew();

        await work.GiveWayFor(TimeSpan.FromMilliseconds(300)).WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(work.Busy);
        Assert.True(waited.Elapsed >= TimeSpan.FromMilliseconds(300), $"gave up waiting after {waited.Elapsed}");
    }

    [Fact]
    public async Task The_limit_is_for_all_of_a_pass_s_waits_together_not_for_each()
    {
        var work = new ForegroundWork();
        using var endless = work.Begin();
        var giveWay = work.GiveWayFor(TimeSpan.FromMilliseconds(300));
        var waited = Stopwatch.StartNew();

        // A pass gives way before its claim and before each of its messages: ten steps, one budget. The first spends it.
        await giveWay.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, giveWay.Left);
        Assert.True(waited.Elapsed >= TimeSpan.FromMilliseconds(300), $"gave up waiting after {waited.Elapsed}");

        // The rush goes on, and every later step goes at once. Checked without a clock: a wall-clock bound on the
        // ten steps failed on a loaded machine when one 20 ms delay came back late.
        for (var step = 1; step < 10; step++)
        {
            var later = giveWay.WaitAsync(CancellationToken.None);
            Assert.True(later.IsCompletedSuccessfully, $"step {step} waited its own limit");
            await later;
        }

        Assert.True(work.Busy);
    }

    [Fact]
    public async Task A_trickle_below_the_rush_mark_holds_nothing_back_and_the_mark_is_a_rush()
    {
        var work = new ForegroundWork(rushAt: 2);
        using var first = work.Begin();
        var waited = Stopwatch.StartNew();

        // One booking in flight on a two-core machine: the dispatcher goes on (a steady trickle leaves a core spare).
        await work.GiveWayFor(TimeSpan.FromSeconds(30)).WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(work.Busy);
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(5), $"waited {waited.Elapsed} for a trickle");

        using var second = work.Begin();
        Assert.True(work.Busy);
    }

    [Fact]
    public async Task A_rush_lasts_its_hold_after_the_count_falls_below_the_mark_and_then_ends()
    {
        var work = new ForegroundWork(rushAt: 2, holdFor: TimeSpan.FromMilliseconds(300));
        var first = work.Begin();
        using var second = work.Begin();
        var fell = Stopwatch.StartNew();
        first.Dispose();

        // One in flight, below the mark, but a moment ago there were two: still a rush (a batch answered, the next
        // requests are on their way in). Asked only if this thread was not held up past the hold since the fall.
        var busy = work.Busy;
        if (fell.Elapsed < TimeSpan.FromMilliseconds(300))
        {
            Assert.True(busy);
        }

        await work.GiveWayFor(TimeSpan.FromSeconds(30)).WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(work.Busy);
        Assert.True(fell.Elapsed >= TimeSpan.FromMilliseconds(300), $"the rush ended {fell.Elapsed} after the count fell");
    }

    [Fact]
    public void Without_a_hold_a_rush_ends_when_the_count_falls_below_the_mark()
    {
        var work = new ForegroundWork(rushAt: 2);
        var first = work.Begin();
        using var second = work.Begin();
        Assert.True(work.Busy);

        first.Dispose();

        Assert.False(work.Busy);
    }
}
