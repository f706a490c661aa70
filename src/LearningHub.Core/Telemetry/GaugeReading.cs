using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LearningHub.Core.Telemetry;

/// <summary>
/// A module's observable gauges: values read when metrics are collected (a Prometheus scrape, an OTLP
/// export), not recorded as things happen. The host creates them at start, and only when metrics are
/// exported (Web/Hosting/TelemetrySetup), so a site without an exporter never runs their queries.
/// </summary>
public interface IGaugeSource
{
    void CreateGauges(Meter meter);
}

/// <summary>
/// A value read from the database for observable gauges, at most once per <c>maxAge</c>. Gauge callbacks run
/// on every collection, synchronously and once per gauge: several scrapers (two Prometheus servers, a
/// collector, someone with curl) or several gauges over one query would otherwise each run it. A reading
/// older than <c>maxAge</c> is taken again by one caller while any other caller at that moment gets the last
/// one; a read that fails is logged and gives no value (a gap, not a stale number) until <c>maxAge</c> has
/// passed, so a database that is down does not get a query per scrape either.
/// </summary>
/// <remarks>
/// Freshness is measured on the machine's monotonic clock, not the site's <see cref="TimeProvider"/>: it is
/// about how often this node queries, and a test's stopped clock must not freeze it. The read is synchronous
/// (EF Core's synchronous query methods) because the callback is: no thread waits on a task.
/// </remarks>
public sealed class GaugeReading<T>(IServiceScopeFactory scopes, Func<IServiceProvider, T> read, TimeSpan maxAge, ILogger logger)
    where T : class
{
    private readonly Lock _reading = new();
    private T? _value;
    private long _readAtTicks;
    private bool _read;

    /// <summary>The current value, read now if the last reading is older than its maximum age; null when the read failed.</summary>
    public T? Current()
    {
        if (IsFresh())
        {
            return _value;
        }

        if (!_reading.TryEnter())
        {
            // Someone is reading it now: the previous reading will do for this collection.
            return _value;
        }

        try
        {
            if (IsFresh())
            {
                return _value;
            }

            try
            {
                using var scope = scopes.CreateScope();
                _value = read(scope.ServiceProvider);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not read the values of a metrics gauge; the gauge is left out until the next reading");
                _value = null;
            }

            _readAtTicks = Environment.TickCount64;
            _read = true;
            return _value;
        }
        finally
        {
            _reading.Exit();
        }
    }

    private bool IsFresh() => Volatile.Read(ref _read) && Environment.TickCount64 - Volatile.Read(ref _readAtTicks) < maxAge.TotalMilliseconds;
}
