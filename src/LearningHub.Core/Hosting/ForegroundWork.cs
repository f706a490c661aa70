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
/// <param name="holdFor">
/// How long a rush lasts after the count last stood at the mark. Inside a rush the count dips below it between
/// batches: a batch's bookings answer together and their people's next requests are still being read, signed in and
/// checked before they reach the booking, so without a hold the dispatcher took a core in every dip
/// (bench/README.md, "Session 17").
/// </param>
public sealed class ForegroundWork(int rushAt = 1, TimeSpan holdFor = default)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);

    private int _inFlight;

    /// <summary>When the count last stood at the mark (a <see cref="Stopwatch"/> timestamp; 0 before the first rush).</summary>
    private long _lastAtMark;

    public int RushAt { get; } = Math.Max(1, rushAt);

    public TimeSpan HoldFor { get; } = holdFor < TimeSpan.Zero ? TimeSpan.Zero : holdFor;

    /// <summary>A rush: at least <see cref="RushAt"/> in flight now, or within the last <see cref="HoldFor"/>.</summary>
    public bool Busy =>
        Volatile.Read(ref _inFlight) >= RushAt
        || (Volatile.Read(ref _lastAtMark) is var last and not 0 && Stopwatch.GetElapsedTime(last) < HoldFor);

    /// <summary>Marks work in flight until the result is disposed.</summary>
    public Scope Begin()
    {
        if (Interlocked.Increment(ref _inFlight) >= RushAt)
        {
            Volatile.Write(ref _lastAtMark, Stopwatch.GetTimestamp());
        }

        return new Scope(this);
    }

    private void End()
    {
        // Leaving the mark is the last moment it stood there: the hold runs from here.
        if (Interlocked.Decrement(ref _inFlight) + 1 >= RushAt)
        {
            Volatile.Write(ref _lastAtMark, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>
    /// A budget of waiting for one piece of background work (a dispatcher pass): it gives way to a rush at each of its
    /// steps, and all its waits together last at most <paramref name="most"/> of real time, so it is held back by a rush
    /// but never starved by one.
    /// </summary>
    public GiveWay GiveWayFor(TimeSpan most) => new(this, most);

    public readonly struct Scope(ForegroundWork work) : IDisposable
    {
        public void Dispose() => work.End();
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
