using System.Diagnostics;
using System.Diagnostics.Metrics;
using LearningHub.Core.Telemetry;
using LearningHub.Events.Domain;

namespace LearningHub.Events.Services;

/// <summary>
/// The Events module's instruments (docs/observability.md): booking decisions by outcome and how long they
/// took, waits for an event's lock, and the waiting list (the job's passes, offers made, holds run out).
/// Tagged with the board's slug and outcomes only, never a person or an event's title.
/// </summary>
public sealed class EventsMetrics
{
    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _bookingDuration;
    private readonly Histogram<double> _lockWait;
    private readonly Counter<long> _waitlistRuns;
    private readonly Histogram<double> _waitlistDuration;
    private readonly Counter<long> _eventsSettled;
    private readonly Counter<long> _offers;
    private readonly Counter<long> _holdsRunOut;

    public EventsMetrics(IMeterFactory meters)
    {
        var meter = meters.Meter();
        _decisions = meter.CreateCounter<long>("learninghub.booking.decisions", "{decision}",
            "Booking requests decided, by outcome: confirmed, pending_approval, waitlisted, already_booked, refused (with reason), not_found, busy (the event's lock wait ran out), error.");
        _bookingDuration = meter.SecondsHistogram("learninghub.booking.duration",
            "How long a booking request took to decide, from the request to its outcome (queueing for the event included).");
        _lockWait = meter.SecondsHistogram("learninghub.booking.lock.wait",
            "How long a decision waited for its event's turn (the in-process queue, and on PostgreSQL the event's row lock), by outcome: acquired, timed_out.");
        _waitlistRuns = meter.CreateCounter<long>("learninghub.waitlist.runs", "{run}",
            "Passes of the waiting-list job, by outcome: completed, failed.");
        _waitlistDuration = meter.SecondsHistogram("learninghub.waitlist.duration", "How long a pass of the waiting-list job took.");
        _eventsSettled = meter.CreateCounter<long>("learninghub.waitlist.events_settled", "{event}",
            "Events whose run-out holds the waiting-list job ended and whose freed places it offered on.");
        _offers = meter.CreateCounter<long>("learninghub.waitlist.offers", "{offer}",
            "Places offered to the next person on a waiting list (by the job or after a cancellation).");
        _holdsRunOut = meter.CreateCounter<long>("learninghub.waitlist.holds_run_out", "{hold}",
            "Holds that ran out and were ended, by kind: offer (not taken up in time), approval (no line manager's answer in time).");
    }

    public void Decided(string board, BookingOutcome outcome, BookingRefusal? refusal, TimeSpan took)
    {
        var tags = new TagList
        {
            { LearningHubTelemetry.BoardTag, board },
            { LearningHubTelemetry.OutcomeTag, OutcomeName(outcome) },
        };
        if (refusal is { } reason)
        {
            tags.Add("reason", ReasonName(reason));
        }

        _decisions.Add(1, tags);
        _bookingDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>(LearningHubTelemetry.OutcomeTag, OutcomeName(outcome)));
    }

    /// <summary>A request that ended without an outcome: <c>busy</c> (its event's turn did not come in time) or <c>error</c>.</summary>
    public void NotDecided(string board, string why, TimeSpan took)
    {
        _decisions.Add(1, new KeyValuePair<string, object?>(LearningHubTelemetry.BoardTag, board), new KeyValuePair<string, object?>(LearningHubTelemetry.OutcomeTag, why));
        _bookingDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>(LearningHubTelemetry.OutcomeTag, why));
    }

    public void LockWaited(TimeSpan waited, bool acquired) =>
        _lockWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>(LearningHubTelemetry.OutcomeTag, acquired ? "acquired" : "timed_out"));

    public void WaitlistPass(TimeSpan took, int settled, bool completed)
    {
        _waitlistRuns.Add(1, new KeyValuePair<string, object?>(LearningHubTelemetry.OutcomeTag, completed ? "completed" : "failed"));
        _waitlistDuration.Record(took.TotalSeconds);
        _eventsSettled.Add(settled);
    }

    public void Offered(string board, int count)
    {
        if (count > 0)
        {
            _offers.Add(count, new KeyValuePair<string, object?>(LearningHubTelemetry.BoardTag, board));
        }
    }

    public void HoldRunOut(string board, bool wasOffer) =>
        _holdsRunOut.Add(1, new KeyValuePair<string, object?>(LearningHubTelemetry.BoardTag, board), new KeyValuePair<string, object?>("kind", wasOffer ? "offer" : "approval"));

    /// <summary>The outcome as a tag value (snake case, as metric labels usually are).</summary>
    internal static string OutcomeName(BookingOutcome outcome) => outcome switch
    {
        BookingOutcome.Confirmed => "confirmed",
        BookingOutcome.PendingApproval => "pending_approval",
        BookingOutcome.Waitlisted => "waitlisted",
        BookingOutcome.AlreadyBooked => "already_booked",
        BookingOutcome.Refused => "refused",
        BookingOutcome.NotFound => "not_found",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    internal static string ReasonName(BookingRefusal reason) => reason switch
    {
        BookingRefusal.NotPublished => "not_published",
        BookingRefusal.EventCancelled => "event_cancelled",
        BookingRefusal.NotOpenYet => "not_open_yet",
        BookingRefusal.Closed => "closed",
        BookingRefusal.FullNoWaitingList => "full_no_waiting_list",
        BookingRefusal.LineManagerNeeded => "line_manager_needed",
        BookingRefusal.OwnLineManager => "own_line_manager",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
