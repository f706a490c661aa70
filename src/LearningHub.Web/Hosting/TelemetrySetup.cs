using System.Reflection;
using System.Runtime.CompilerServices;
using LearningHub.Core;
using LearningHub.Core.Hosting;
using LearningHub.Core.Telemetry;
using Microsoft.AspNetCore.Http.Features;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LearningHub.Web.Hosting;

/// <summary>
/// OpenTelemetry for the site (docs/observability.md): the product's spans and meter
/// (<see cref="LearningHubTelemetry.Name"/>), ASP.NET Core requests, database calls, the .NET runtime;
/// exported over OTLP when an <c>OTEL_EXPORTER_OTLP_*ENDPOINT</c> is set, and scraped by Prometheus on
/// the management port when <c>LearningHub:Telemetry:MetricsPort</c> is set. With neither (development,
/// the tests, a small site), nothing is registered at all: no provider, no listener, nothing connecting
/// anywhere, and start-up pays nothing for it.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "learninghub";

    private static readonly string[] OtlpEndpointKeys =
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];

    public static WebApplicationBuilder AddLearningHubTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.Configure<TelemetryOptions>(configuration.GetSection(TelemetryOptions.Section));
        var metricsPort = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.MetricsPort;
        // The SDK reads the same keys from configuration (environment variables included) for the endpoint itself.
        var otlp = OtlpEndpointKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
        if (metricsPort is null && !otlp)
        {
            return builder;
        }

        AddOpenTelemetry(builder, metricsPort, otlp);
        return builder;
    }

    /// <summary>
    /// Apart from <see cref="AddLearningHubTelemetry"/>, and never inlined into it, so a site without an exporter
    /// does not even load OpenTelemetry's assemblies: the JIT resolves a method's callees when it compiles it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOpenTelemetry(WebApplicationBuilder builder, int? metricsPort, bool otlp)
    {
        var configuration = builder.Configuration;
        var database = DatabaseSettings.From(configuration, builder.Environment);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                configuration["OTEL_SERVICE_NAME"] ?? ServiceName,
                serviceVersion: typeof(TelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(LearningHubTelemetry.Name)
                    // http.server.request.duration and friends: ASP.NET Core's own meters, by route, method and status.
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation();
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    // Connection pool use and command durations, from Npgsql itself.
                    metrics.AddNpgsqlInstrumentation();
                }

                if (metricsPort is not null)
                {
                    metrics.AddPrometheusExporter();
                }
            });

        if (otlp)
        {
            // Spans go nowhere without OTLP, so without it none are made (no span per request for nothing).
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(LearningHubTelemetry.Name)
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsManagementRequest(context, metricsPort));
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    tracing.AddNpgsql();
                }
                else
                {
                    // SQLite has no spans of its own; EF Core's diagnostics give each command (SQL text, never parameter values).
                    tracing.AddEntityFrameworkCoreInstrumentation();
                }
            });
            // Traces, metrics and logs, to the endpoint, protocol and headers the standard OTEL_EXPORTER_OTLP_* settings name.
            telemetry.UseOtlpExporter();
        }

        // Module gauges read the database when metrics are collected; made only here, when something collects them.
        builder.Services.AddHostedService<GaugeSourcesStart>();
        if (metricsPort is { } port)
        {
            // Ahead of every other start-up filter, host filtering's among them: Prometheus scrapes a node by its
            // address, which is not one of the site's host names.
            builder.Services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new ManagementPortStartupFilter(port)));
        }
    }

    private static bool IsManagementRequest(HttpContext context, int? metricsPort) =>
        metricsPort is { } port && context.Connection.LocalPort == port;

    /// <summary>
    /// The management port serves <c>GET /metrics</c> and nothing else (404), before the site's pipeline: no
    /// host filtering, HTTPS redirection, board or sign-in there. The decision is made on the port the
    /// connection came in on, never on the <c>Host</c> header, which any client can write. The site's own
    /// ports have no <c>/metrics</c> at all, so behind a reverse proxy that forwards only the site's port,
    /// the internet cannot reach it.
    /// </summary>
    private sealed class ManagementPortStartupFilter(int port) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.MapWhen(context => context.Connection.LocalPort == port, management =>
            {
                management.Use((context, nextInBranch) =>
                {
                    // Scrapes are not the site's traffic: keep them out of http.server.request.duration.
                    if (context.Features.Get<IHttpMetricsTagsFeature>() is { } metricsTags)
                    {
                        metricsTags.MetricsDisabled = true;
                    }

                    // The gauges read the database, which may still be being migrated at a first start (SiteReadiness).
                    if (!context.RequestServices.GetRequiredService<SiteReadiness>().IsReady)
                    {
                        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                        return Task.CompletedTask;
                    }

                    return nextInBranch(context);
                });
                management.UseOpenTelemetryPrometheusScrapingEndpoint("/metrics");
                management.Run(context =>
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                });
            });
            next(app);
        };
    }

    /// <summary>Creates every module's observable gauges once the host starts (see <see cref="IGaugeSource"/>).</summary>
    private sealed class GaugeSourcesStart(IEnumerable<IGaugeSource> sources, System.Diagnostics.Metrics.IMeterFactory meters, ILogger<GaugeSourcesStart> logger)
        : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var meter = meters.Meter();
            foreach (var source in sources)
            {
                source.CreateGauges(meter);
            }

            logger.LogInformation("Telemetry on: metrics of {Meter} and the host", LearningHubTelemetry.Name);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
