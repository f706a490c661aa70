using System.Diagnostics;

namespace LearningHub.E2E.Infrastructure;

/// <summary>Waiting for something outside the browser (a file, a server) by checking it again and again until a deadline.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Checks <paramref name="condition"/> until it holds; fails the test with <paramref name="failure"/> when the deadline passes.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan deadline, Func<string> failure)
    {
        var clock = Stopwatch.StartNew();
        using var ticks = new PeriodicTimer(Interval);
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (clock.Elapsed > deadline)
            {
                Assert.Fail(failure());
            }

            await ticks.WaitForNextTickAsync();
        }
    }

    /// <summary>Asks <paramref name="probe"/> until it gives a value; fails the test with <paramref name="failure"/> when the deadline passes.</summary>
    public static async Task<T> ForAsync<T>(Func<T?> probe, TimeSpan deadline, Func<string> failure)
        where T : class
    {
        T? found = null;
        await UntilAsync(() => Task.FromResult((found = probe()) is not null), deadline, failure);
        return found!;
    }
}
