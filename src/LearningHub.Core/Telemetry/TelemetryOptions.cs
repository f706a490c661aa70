namespace LearningHub.Core.Telemetry;

/// <summary>
/// <c>LearningHub:Telemetry</c>. OTLP export is set with the standard <c>OTEL_EXPORTER_OTLP_*</c> settings;
/// these are LearningHub's own (docs/observability.md).
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "LearningHub:Telemetry";

    /// <summary>
    /// The management port: when set, Prometheus scrapes <c>GET /metrics</c> on this port, and only there; the
    /// site's own port(s) never answer <c>/metrics</c>, and this port answers nothing else. The server must also
    /// listen on it (<c>ASPNETCORE_HTTP_PORTS=8080;9464</c>). Unset (the default): no scrape endpoint anywhere.
    /// </summary>
    public int? MetricsPort { get; set; }

    /// <summary>How long a gauge read from the database (outbox depth and age, retention runs) is reused: collections within it run no query.</summary>
    public TimeSpan GaugeCacheTime { get; set; } = TimeSpan.FromSeconds(10);
}
