using System.Diagnostics;

namespace LearningHub.Core.Hosting;

/// <summary>
/// Work people are waiting on as it happens (a booking being decided), counted so that background work that can wait
/// a few seconds gives way to it. On two cores the mail dispatcher, drawing each confirmation's QR code and building its
/// message beside fifty bookings in flight, doubled their p95 (bench/README.md, "Session 15").
/// </summary>
public sealed class ForegroundWork
{
    private readonly Lock _gate = new();
    private int _inFlight;
    private TaskCompletionSource _idle = Idle();

    public bool Busy => Volatile.Read(ref _inFlight) > 0;

    /// <summary>Marks work in flight until the result is disposed.</summary>
    public Scope Begin()
    {
        lock (_gate)
        {
            if (_inFlight++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Scope(this);
    }

    /// <summary>
    /// A budget of waiting for one piece of background work (a dispatcher pass): it gives way at each of its steps, and
    /// all its waits together last at most <paramref name="most"/> of real time, so it is held back by a rush but never
    /// starved by one.
    /// </summary>
    public GiveWay GiveWayFor(TimeSpan most) => new(this, most);

    private void End()
    {
        TaskCompletionSource? nowIdle = null;
        lock (_gate)
        {
            if (--_inFlight == 0)
            {
                nowIdle = _idle;
            }
        }

        nowIdle?.TrySetResult();
    }

    /// <summary>Completes the moment nothing is in flight (already, if nothing is).</summary>
    private Task WhenIdle()
    {
        lock (_gate)
        {
            return _idle.Task;
        }
    }

    private static TaskCompletionSource Idle()
    {
        var idle = new TaskCompletionSource();
        idle.SetResult();
        return idle;
    }

    public readonly struct Scope(ForegroundWork work) : IDisposable
    {
        public void Dispose() => work.End();
    }

    /// <summary>See <see cref="GiveWayFor"/>. Not thread-safe: one piece of background work, one budget.</summary>
    public sealed class GiveWay(ForegroundWork work, TimeSpan most)
    {
        private TimeSpan _left = most;

        public TimeSpan Left => _left;

        /// <summary>
        /// Waits while foreground work is in flight and budget is left, and goes the moment nothing is (woken, not
        /// polled: beside a steady trickle of bookings, each a few milliseconds, the gaps between them are short, and
        /// a 20 ms poll missed most of them, holding 100,000 queued mails to 40 a second; bench/README.md, "Session 16").
        /// </summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            if (!work.Busy || _left <= TimeSpan.Zero)
            {
                return;
            }

            var waited = Stopwatch.StartNew();
            try
            {
                while (work.Busy && _left - waited.Elapsed is var remaining && remaining > TimeSpan.Zero)
                {
                    try
                    {
                        await work.WhenIdle().WaitAsync(remaining, cancellationToken);
                    }
                    catch (TimeoutException)
                    {
                        // The budget is spent, or nearly: a timer may fire a fraction of a millisecond before the
                        // stopwatch agrees, and the loop then waits out the rest.
                    }
                }
            }
            finally
            {
                _left = waited.Elapsed < _left ? _left - waited.Elapsed : TimeSpan.Zero;
            }
        }
    }
}
