using System.Collections.Concurrent;

namespace LearningHub.Events.Services;

/// <summary>A booking request prepared outside the event's lock: everything that does not depend on the decision.</summary>
public sealed record BookingRequest(Guid BookingId, string Reference, Booker Booker, string? Answer, string? LineManagerEmail);

/// <summary>
/// Booking requests waiting for their event's lock. Whoever gets the lock decides every request
/// waiting for that event in the same transaction (a group commit), so fifty people pressing Book
/// at once cost one transaction, one count of the places and one commit instead of fifty in a row.
/// The decisions are still made one by one, in arrival order, inside the lock.
/// </summary>
/// <remarks>
/// Keyed by board and event: a request is only ever decided under its own board's scope. Only one
/// process's requests are batched; across instances the database lock still decides (see <see cref="EventLock"/>).
/// </remarks>
public sealed class BookingQueue
{
    /// <summary>The most requests decided in one transaction; the rest wait for the next holder of the lock.</summary>
    public const int MaxBatch = 100;

    private readonly ConcurrentDictionary<(Guid BoardId, Guid EventId), ConcurrentQueue<PendingBooking>> _waiting = new();

    public PendingBooking Add(Guid boardId, Guid eventId, BookingRequest request)
    {
        var pending = new PendingBooking(request);
        _waiting.GetOrAdd((boardId, eventId), _ => new ConcurrentQueue<PendingBooking>()).Enqueue(pending);
        return pending;
    }

    /// <summary>Claims the requests waiting for an event, oldest first, skipping any whose requester has gone.</summary>
    public List<PendingBooking> TakeWaiting(Guid boardId, Guid eventId)
    {
        var taken = new List<PendingBooking>();
        if (_waiting.TryGetValue((boardId, eventId), out var queue))
        {
            while (taken.Count < MaxBatch && queue.TryDequeue(out var pending))
            {
                if (pending.TryClaim())
                {
                    taken.Add(pending);
                }
            }
        }

        return taken;
    }
}

/// <summary>One request in the queue, and how it was decided.</summary>
public sealed class PendingBooking(BookingRequest request)
{
    private const int Waiting = 0;
    private const int Claimed = 1;
    private const int Abandoned = 2;

    private readonly TaskCompletionSource<BookingResult?> _decided = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state = Waiting;

    public BookingRequest Request { get; } = request;

    /// <summary>Set inside the lock; published through <see cref="Decided"/> only once the transaction has committed.</summary>
    public BookingResult? Result { get; set; }

    /// <summary>The outcome once committed, or null when the batch failed and the request must be decided on its own.</summary>
    public Task<BookingResult?> Decided => _decided.Task;

    public bool IsClaimed => Volatile.Read(ref _state) == Claimed;

    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Waiting) == Waiting;

    /// <summary>The requester gave up (the request was aborted) before anyone took it: nobody will decide it.</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;

    public void Publish() => _decided.TrySetResult(Result);

    public void DecideAlone() => _decided.TrySetResult(null);
}
