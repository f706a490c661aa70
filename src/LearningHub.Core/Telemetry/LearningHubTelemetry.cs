using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LearningHub.Core.Telemetry;

/// <summary>
/// The product's one source of spans and one meter, both named <see cref="Name"/>: the host subscribes to
/// that name (Web/Hosting/TelemetrySetup), and each module keeps its own instruments in its own folder
/// (<c>EventsMetrics</c>, <c>MailMetrics</c>, <c>RetentionMetrics</c>). Instruments are made from the host's
/// <see cref="IMeterFactory"/>, so each host (and each test's app) has its own meter, disposed with it.
/// Without an exporter configured nothing listens, and recording a measurement or starting a span costs a
/// check of a flag. Tags never carry personal data: a board's slug, an outcome, a kind, never a person.
/// docs/observability.md lists every name.
/// </summary>
public static class LearningHubTelemetry
{
    public const string Name = "LearningHub";

    /// <summary>Spans around the product's own work (booking decisions, lock waits, background jobs).</summary>
    public static readonly ActivitySource Spans = new(Name);

    /// <summary>The product's meter in this host: the factory hands every caller the same one.</summary>
    public static Meter Meter(this IMeterFactory factory) => factory.Create(Name);

    /// <summary>The tag every per-board measurement carries: the board's slug (public, in every address).</summary>
    public const string BoardTag = "board";

    /// <summary>The tag that says how something ended (each instrument lists its values).</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>
    /// Bucket bounds for durations in seconds, from 5 ms (a booking on a quiet event) to 60 s (a retention run
    /// on the largest board): the SDK's default bounds are for milliseconds (0 to 10,000), which would put
    /// every booking in the first bucket.
    /// </summary>
    public static readonly IReadOnlyList<double> SecondsBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10, 30, 60];

    /// <summary>A histogram of seconds with <see cref="SecondsBuckets"/>.</summary>
    public static Histogram<double> SecondsHistogram(this Meter meter, string name, string description) =>
        meter.CreateHistogram(name, "s", description, tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
}
