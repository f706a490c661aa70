using System.Diagnostics;

namespace LearningHub.Core.Hosting;

/// <summary>
/// Work people are waiting on as it happens (a booking being decided), counted so that background work that can wait
/// a few seconds gives way to a rush of it. On two cores the mail dispatcher, drawing each confirmation's QR code and
/// building its message beside fifty bookings in flight, doubled their p95 (bench/README.md, "Session 15").
/// </summary>
/// <param name="rushAt">
/// How many in flight at once make a rush: the site uses the number of cores, so a steady trickle of bookings (one or
/// two at a time, each a few milliseconds) leaves the spare cores to the dispatcher. Giving way to any booking at all
/// held 100,000 queued mails to 40 a second beside 50 bookings a second, against 576 (bench/README.md, "Session 16").
/// </param>
public sealed class ForegroundWork(int rushAt = 1)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);

    private int _inFlight;

    public int RushAt { get; } = Math.Max(1, rushAt);

    /// <summary>A rush: at least <see cref="RushAt"/> in flight.</summary>
    public bool Busy => Volatile.Read(ref _inFlight) >= RushAt;

    /// <summary>Marks work in flight until the result is disposed.</summary>
    public Scope Begin()
    {
        Interlocked.Increment(ref _inFlight);
        return new Scope(this);
    }

    /// <summary>
    /// A budget of waiting for one piece of background work (a dispatcher pass): it gives way to a rush at each of its
    /// steps, and all its waits together last at most <paramref name="most"/> of real time, so it is held back by a rush
    /// but never starved by one.
    /// </summary>
    public GiveWay GiveWayFor(TimeSpan most) => new(this, most);

    public readonly struct Scope(ForegroundWork work) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref work._inFlight);
    }

    /// <summary>See <see cref="GiveWayFor"/>. Not thread-safe: one piece of background work, one budget.</summary>
    public sealed class GiveWay(ForegroundWork work, TimeSpan most)
    {
        private TimeSpan _left = most;

        public TimeSpan Left => _left;

        /// <summary>Waits while a rush is on and budget is left; returns at once when there is none.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            if (!work.Busy || _left <= TimeSpan.Zero)
            {
                return;
            }

            var waited = Stopwatch.StartNew();
            try
            {
                while (work.Busy && waited.Elapsed < _left)
                {
                    await Task.Delay(Step, cancellationToken);
                }
            }
            finally
            {
                _left = waited.Elapsed < _left ? _left - waited.Elapsed : TimeSpan.Zero;
            }
        }
    }
}
