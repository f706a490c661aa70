using System.Diagnostics.Metrics;
using LearningHub.Core.Data;
using LearningHub.Core.Telemetry;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningHub.Notifications.Services;

/// <summary>
/// Mail's instruments (docs/observability.md): each mail the dispatcher sent or failed to send, by board, and
/// how long a send took. Never the address, the subject or the template's words.
/// </summary>
public sealed class MailMetrics
{
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _sendDuration;

    public MailMetrics(IMeterFactory meters)
    {
        var meter = meters.Meter();
        _sent = meter.CreateCounter<long>("learninghub.mail.sent", "{message}", "Mail the board's server (or pickup folder) accepted.");
        _failed = meter.CreateCounter<long>("learninghub.mail.failed", "{message}",
            "Sends that failed, by outcome: retrying (tried again later, with backoff), gave_up (refused for good or out of attempts: marked failed).");
        _sendDuration = meter.SecondsHistogram("learninghub.mail.send.duration", "How long one send took (connecting included when it opened the connection), by outcome: sent, failed.");
    }

    public void Sent(string board, TimeSpan took)
    {
        _sent.Add(1, new KeyValuePair<string, object?>(LearningHubTelemetry.BoardTag, board));
        _sendDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>(LearningHubTelemetry.OutcomeTag, "sent"));
    }

    public void Failed(string board, bool gaveUp, TimeSpan took)
    {
        _failed.Add(1, new KeyValuePair<string, object?>(LearningHubTelemetry.BoardTag, board),
            new KeyValuePair<string, object?>(LearningHubTelemetry.OutcomeTag, gaveUp ? "gave_up" : "retrying"));
        _sendDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>(LearningHubTelemetry.OutcomeTag, "failed"));
    }
}

/// <summary>
/// The outbox as the dispatcher sees it, across boards, in one query per <see cref="TelemetryOptions.GaugeCacheTime"/>
/// (both gauges share it): <c>learninghub.outbox.depth</c> by state and <c>learninghub.outbox.oldest_due.age</c>.
/// The query reads the (Status, NextAttemptUtc) index's range for unsent mail only. Every node reports the same
/// numbers, read from the shared database: alert on the max, not the sum.
/// </summary>
public sealed class OutboxGauges(IServiceScopeFactory scopes, TimeProvider clock, IOptions<TelemetryOptions> options, ILogger<OutboxGauges> logger)
    : IGaugeSource
{
    internal sealed record OutboxReading(int Due, int RetryWait, int Scheduled, int Sending, DateTime? OldestDueUtc);

    public void CreateGauges(Meter meter)
    {
        var reading = new GaugeReading<OutboxReading>(scopes, services => Read(services.GetRequiredService<LearningHubDbContext>(), clock.GetUtcNow().UtcDateTime),
            options.Value.GaugeCacheTime, logger);

        meter.CreateObservableGauge<int>("learninghub.outbox.depth", () => reading.Current() is { } r
                ? (IEnumerable<Measurement<int>>)[
                    new Measurement<int>(r.Due, State("due")),
                    new Measurement<int>(r.RetryWait, State("retry_wait")),
                    new Measurement<int>(r.Scheduled, State("scheduled")),
                    new Measurement<int>(r.Sending, State("sending")),
                ]
                : [],
            "{message}",
            "Unsent mail by state: due (its time has come, waiting for the dispatcher), retry_wait (failed, waiting for its next attempt), scheduled (a later send time, e.g. a reminder), sending (claimed by a dispatcher).");

        meter.CreateObservableGauge<double>("learninghub.outbox.oldest_due.age", () => reading.Current() is { } r
                // Measured from now, not from the reading: a cached reading does not make the age stand still between readings.
                ? (IEnumerable<Measurement<double>>)[new Measurement<double>(r.OldestDueUtc is { } oldest ? Math.Max(0, (clock.GetUtcNow().UtcDateTime - oldest).TotalSeconds) : 0)]
                : [],
            "s",
            "Seconds the longest-waiting due mail has been due (its send or retry time passed); 0 when nothing is due.");
    }

    private static KeyValuePair<string, object?> State(string state) => new("state", state);

    /// <summary>One query over unsent mail on every board (by name: the dispatcher's view).</summary>
    internal static OutboxReading Read(LearningHubDbContext db, DateTime now)
    {
        var counts = db.Set<OutboxMessage>().IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending)
            .GroupBy(m => 1)
            .Select(g => new
            {
                Due = g.Count(m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now),
                RetryWait = g.Count(m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc > now && m.Attempts > 0),
                Scheduled = g.Count(m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc > now && m.Attempts == 0),
                Sending = g.Count(m => m.Status == OutboxStatus.Sending),
                OldestDue = g.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now).Min(m => (DateTime?)m.NextAttemptUtc),
            })
            .SingleOrDefault();
        return counts is null
            ? new OutboxReading(0, 0, 0, 0, null)
            : new OutboxReading(counts.Due, counts.RetryWait, counts.Scheduled, counts.Sending, counts.OldestDue);
    }
}
