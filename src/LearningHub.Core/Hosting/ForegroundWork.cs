using System.Diagnostics;

namespace LearningHub.Core.Hosting;

/// <summary>
/// Work people are waiting on as it happens (a booking being decided), counted so that background work that can wait
/// a few seconds gives way to it. On two cores the mail dispatcher, drawing each confirmation's QR code and building its
/// message beside fifty bookings in flight, doubled their p95 (bench/README.md, "Session 15").
/// </summary>
public sealed class ForegroundWork
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);

    private int _inFlight;

    public bool Busy => Volatile.Read(ref _inFlight) > 0;

    /// <summary>Marks work in flight until the result is disposed.</summary>
    public Scope Begin()
    {
        Interlocked.Increment(ref _inFlight);
        return new Scope(this);
    }

    /// <summary>
    /// Waits while foreground work is in flight, for at most <paramref name="most"/> of real time, so background work is
    /// held back by a rush but never starved by one. Returns at once when nothing is in flight.
    /// </summary>
    public async Task GiveWayAsync(TimeSpan most, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (Busy && waited.Elapsed < most)
        {
            await Task.Delay(Step, cancellationToken);
        }
    }

    public readonly struct Scope(ForegroundWork work) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref work._inFlight);
    }
}
