using LearningHub.Core.Hosting;

namespace LearningHub.Tests.Hosting;

/// <summary>The site is declared ready once every warm-up under way has finished; none waits for a board that will never come.</summary>
public sealed class SiteReadinessTests
{
    [Fact]
    public async Task Every_warm_up_under_way_is_waited_for()
    {
        var readiness = new SiteReadiness();
        var page = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var booking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        readiness.TrackWarmUp(page.Task);
        readiness.TrackWarmUp(booking.Task);

        var finished = readiness.WarmUpFinishedAsync(TimeSpan.FromSeconds(30));
        page.SetResult();
        await StillWaitingAsync(finished);

        booking.SetResult();
        await finished.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_failed_warm_up_holds_nobody_up()
    {
        var readiness = new SiteReadiness();
        readiness.TrackWarmUp(Task.FromException(new InvalidOperationException("warm-up failed")));
        var booking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        readiness.TrackWarmUp(booking.Task);

        var finished = readiness.WarmUpFinishedAsync(TimeSpan.FromSeconds(30));
        await StillWaitingAsync(finished);
        booking.SetException(new InvalidOperationException("this one too"));
        await finished.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_warm_up_waiting_for_a_board_gives_up_when_the_database_was_prepared_without_one()
    {
        var readiness = new SiteReadiness();
        var waiting = readiness.FirstBoardAsync(CancellationToken.None);

        await readiness.WarmUpFinishedAsync(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task The_first_board_stays_known_after_the_preparation()
    {
        var readiness = new SiteReadiness();
        readiness.BoardAvailable("essex");
        readiness.BoardAvailable("norfolk");

        await readiness.WarmUpFinishedAsync(TimeSpan.FromSeconds(10));
        readiness.MarkReady();

        Assert.Equal("essex", await readiness.FirstBoardAsync(CancellationToken.None));
    }

    /// <summary>Not finished for a while (polled with a deadline, never a sleep).</summary>
    private static async Task StillWaitingAsync(Task finished)
    {
        var watched = System.Diagnostics.Stopwatch.StartNew();
        while (watched.Elapsed < TimeSpan.FromMilliseconds(200))
        {
            Assert.False(finished.IsCompleted);
            await Task.Yield();
        }
    }
}
