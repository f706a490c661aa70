using System.Diagnostics;
using System.Diagnostics.Metrics;
using LearningHub.Core.Data;
using LearningHub.Core.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningHub.Core.Privacy;

/// <summary>
/// The retention job's instruments (docs/observability.md): each board's run and how it ended, how long an
/// applied run took, and what it removed by kind (the sources' count names, e.g. <c>events.bookingsAnonymised</c>).
/// </summary>
public sealed class RetentionMetrics
{
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _items;

    public RetentionMetrics(IMeterFactory meters)
    {
        var meter = meters.Meter();
        _runs = meter.CreateCounter<long>("learninghub.retention.runs", "{run}",
            "Retention runs for a board, by trigger (daily, manual) and outcome: applied, already_done (another node or pass had today's), failed.");
        _duration = meter.SecondsHistogram("learninghub.retention.duration", "How long an applied retention run for a board took, claim to commit.");
        _items = meter.CreateCounter<long>("learninghub.retention.items", "{item}",
            "Records retention removed, anonymised or detached, by kind (each module's count name).");
    }

    public void Applied(string board, RetentionTrigger trigger, TimeSpan took, IReadOnlyDictionary<string, int> counts)
    {
        _runs.Add(1, Tags(board, trigger, "applied"));
        _duration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("trigger", Trigger(trigger)));
        foreach (var (kind, count) in counts)
        {
            if (count > 0)
            {
                _items.Add(count, new KeyValuePair<string, object?>(LearningHubTelemetry.BoardTag, board), new KeyValuePair<string, object?>("kind", kind));
            }
        }
    }

    public void AlreadyDone(string board, RetentionTrigger trigger) => _runs.Add(1, Tags(board, trigger, "already_done"));

    public void Failed(string board, RetentionTrigger trigger) => _runs.Add(1, Tags(board, trigger, "failed"));

    private static TagList Tags(string board, RetentionTrigger trigger, string outcome) => new()
    {
        { LearningHubTelemetry.BoardTag, board },
        { "trigger", Trigger(trigger) },
        { LearningHubTelemetry.OutcomeTag, outcome },
    };

    private static string Trigger(RetentionTrigger trigger) => trigger == RetentionTrigger.Daily ? "daily" : "manual";
}

/// <summary>
/// <c>learninghub.retention.daily_run.age</c>: for each board, seconds since the UTC day of its last daily
/// retention run began (since the board was made, before its first). The daily claim is per UTC day, so this
/// climbs to 24 h before the next day's run; well past 25 h means a day was missed on every node.
/// Read from the database, so every node reports the same value (alert on the max, not the sum).
/// </summary>
public sealed class RetentionGauges(IServiceScopeFactory scopes, TimeProvider clock, IOptions<TelemetryOptions> options, ILogger<RetentionGauges> logger)
    : IGaugeSource
{
    private sealed record BoardRun(string Slug, DateTime CreatedUtc, DateTime? LastDailyRunOnUtc);

    public void CreateGauges(Meter meter)
    {
        var reading = new GaugeReading<List<BoardRun>>(scopes, services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            // Every board, by name: one row each (about 150), the run row by its board's key.
            return db.Boards.IgnoreQueryFilters().AsNoTracking()
                .Select(b => new BoardRun(b.Slug, b.CreatedUtc,
                    db.Set<RetentionRun>().IgnoreQueryFilters().Where(r => r.BoardId == b.Id).Max(r => r.LastRunOnUtc)))
                .ToList();
        }, options.Value.GaugeCacheTime, logger);

        meter.CreateObservableGauge("learninghub.retention.daily_run.age", () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return reading.Current()?.Select(b => new Measurement<double>(
                       Math.Max(0, (now - (b.LastDailyRunOnUtc ?? b.CreatedUtc)).TotalSeconds),
                       new KeyValuePair<string, object?>(LearningHubTelemetry.BoardTag, b.Slug)))
                   ?? [];
        }, "s", "Seconds since the UTC day of the board's last daily retention run began (since the board was made, before its first run).");
    }
}
