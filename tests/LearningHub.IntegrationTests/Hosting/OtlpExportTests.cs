using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LearningHub.E2E.Infrastructure;
using LearningHub.Events.Services;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Hosting;

/// <summary>
/// An OTLP endpoint for the tests: accepts what the exporter posts over http/protobuf (<c>/v1/traces</c>,
/// <c>/v1/metrics</c>, <c>/v1/logs</c>) on 127.0.0.1 and keeps the bodies. Uncompressed protobuf holds span,
/// metric and attribute names as plain UTF-8, so finding a name needs no OTLP decoder.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();

    public OtlpReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = ReceiveAsync();
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<(string Path, byte[] Body)> Received { get; } = new();

    /// <summary>Whether anything posted to <paramref name="path"/> holds <paramref name="text"/>.</summary>
    public bool Holds(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Received.Any(r => r.Path == path && r.Body.AsSpan().IndexOf(bytes) >= 0);
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            // An empty Export…ServiceResponse: everything accepted.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}

/// <summary>The real app exporting to <see cref="OtlpReceiver"/>, with short export intervals.</summary>
public sealed class OtlpFactory(string endpoint, string? postgres = null) : LearningHubFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["Database:Provider"] = postgres is null ? "Sqlite" : "Postgres",
        ["ConnectionStrings:LearningHub"] = postgres,
    };
}

[Collection(nameof(MetricsCollection))]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task With_an_OTLP_endpoint_a_bookings_spans_and_metrics_are_exported_with_the_request_and_database_spans()
    {
        using var receiver = new OtlpReceiver();
        await using var site = new OtlpFactory(receiver.Endpoint);
        var eventId = await site.CreateEventAsync("norfolk", capacity: 5);

        var booked = await site.BookAsync("norfolk", eventId, EventsTestData.Person(1));
        var page = await site.CreateBrowserClient().GetAsync("/norfolk");

        Assert.Equal(BookingOutcome.Confirmed, booked.Outcome);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await Poll.UntilAsync(() => Task.FromResult(
                receiver.Holds("/v1/traces", "booking.book") && receiver.Holds("/v1/traces", "booking.lock.wait")
                && receiver.Holds("/v1/traces", "GET {board}") && receiver.Holds("/v1/traces", "sqlite")
                && receiver.Holds("/v1/metrics", "learninghub.booking.decisions") && receiver.Holds("/v1/metrics", "http.server.request.duration")),
            TimeSpan.FromSeconds(30),
            () => $"Not all exported; received: {string.Join(", ", receiver.Received.Select(r => $"{r.Path} ({r.Body.Length} bytes)"))}");
        // The service is named, and the booker is nowhere in what left the site.
        Assert.True(receiver.Holds("/v1/metrics", "learninghub"));
        Assert.DoesNotContain(receiver.Received, r => r.Path != "/v1/logs" && r.Body.AsSpan().IndexOf("person1@school.example"u8) >= 0);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_Npgsql_exports_its_command_spans_and_connection_pool_metrics()
    {
        var database = $"lh_otlp_{Guid.NewGuid():N}"[..20];
        using var receiver = new OtlpReceiver();
        try
        {
            await using var site = new OtlpFactory(receiver.Endpoint, TestPostgres.ConnectionTo(database));
            var eventId = await site.CreateEventAsync("norfolk", capacity: 5);

            var booked = await site.BookAsync("norfolk", eventId, EventsTestData.Person(2));

            Assert.Equal(BookingOutcome.Confirmed, booked.Outcome);
            await Poll.UntilAsync(() => Task.FromResult(
                    receiver.Holds("/v1/traces", "booking.lock.wait") && receiver.Holds("/v1/traces", "postgresql")
                    && receiver.Holds("/v1/traces", "FOR UPDATE")
                    && receiver.Holds("/v1/metrics", "learninghub.booking.lock.wait") && receiver.Holds("/v1/metrics", "db.client.")),
                TimeSpan.FromSeconds(30),
                () => $"Not all exported; received: {string.Join(", ", receiver.Received.Select(r => $"{r.Path} ({r.Body.Length} bytes)"))}");
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }
}
