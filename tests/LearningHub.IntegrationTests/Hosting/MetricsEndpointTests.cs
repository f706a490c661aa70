using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LearningHub.E2E.Infrastructure;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace LearningHub.IntegrationTests.Hosting;

/// <summary>
/// Alone: OpenTelemetry listens to every meter named LearningHub in the process, so another test class's app
/// booking at the same moment would move these counters too (and stopping it would drop them).
/// </summary>
[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection;

/// <summary>
/// The real app on Kestrel, listening on the site's port and on the management port that
/// <c>LearningHub:Telemetry:MetricsPort</c> names, with Norfolk's mail going to a real SMTP server (aiosmtpd).
/// </summary>
public sealed class MetricsFactory : LearningHubFactory, IAsyncLifetime
{
    public MetricsFactory()
    {
        SitePort = FreePort();
        MetricsPort = FreePort();
        UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, SitePort);
            kestrel.Listen(IPAddress.Loopback, MetricsPort);
        });
        StartServer();
    }

    public int SitePort { get; }

    public int MetricsPort { get; }

    public SmtpTestServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["LearningHub:Telemetry:MetricsPort"] = MetricsPort.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>As localhost, a host the site's host filtering allows; cookies kept, redirects not followed.</summary>
    public override HttpClient CreateBrowserClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = new Uri($"http://localhost:{SitePort}") };

    /// <summary>A scraper: by the node's address (not one of the site's host names), on the management port.</summary>
    public HttpClient CreateScraper() => new() { BaseAddress = new Uri($"http://127.0.0.1:{MetricsPort}") };

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        await this.UseSmtpAsync("norfolk", Smtp.Port);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await DisposeAsync();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>Issue 22, acceptance 5: the metrics endpoint after a booking and a sent mail, and who may read it.</summary>
[Collection(nameof(MetricsCollection))]
public sealed class MetricsEndpointTests(MetricsFactory factory) : IClassFixture<MetricsFactory>
{
    private const string Practitioner = "practitioner@norfolk.demo";

    [Fact]
    public async Task After_a_booking_and_a_sent_mail_the_scrape_shows_their_counters_moved()
    {
        var scraper = factory.CreateScraper();
        var before = await ScrapeAsync(scraper);
        var eventId = await factory.CreateEventAsync("norfolk", capacity: 5);

        // Booked through the pages, as a practitioner would.
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", Practitioner);
        var booked = await client.SubmitFormAsync($"/norfolk/events/{eventId}/book/check", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        // Its confirmation, sent by the dispatcher to the board's SMTP server.
        await factory.Smtp.WaitForAsync(m => m.IsAddressedTo(Practitioner));

        Scrape after = before;
        await Poll.UntilAsync(async () =>
        {
            after = await ScrapeAsync(scraper);
            return after.Sum("learninghub_mail_sent_total", ("board", "norfolk")) > before.Sum("learninghub_mail_sent_total", ("board", "norfolk"));
        }, TimeSpan.FromSeconds(20), () => $"learninghub_mail_sent_total for norfolk never moved:\n{after.Text}");

        Assert.Equal(1, after.Sum("learninghub_booking_decisions_total", ("board", "norfolk"), ("outcome", "confirmed"))
                         - before.Sum("learninghub_booking_decisions_total", ("board", "norfolk"), ("outcome", "confirmed")));
        Assert.True(after.Sum("learninghub_booking_duration_seconds_count", ("outcome", "confirmed"))
                    > before.Sum("learninghub_booking_duration_seconds_count", ("outcome", "confirmed")));
        Assert.True(after.Sum("learninghub_booking_lock_wait_seconds_count", ("outcome", "acquired"))
                    > before.Sum("learninghub_booking_lock_wait_seconds_count", ("outcome", "acquired")));
        Assert.Equal(0, after.Sum("learninghub_mail_failed_total", ("board", "norfolk")));
        // The outbox gauges are there (read from the database), and the site's requests are measured by route.
        Assert.True(after.Has("learninghub_outbox_depth", ("state", "due")), after.Text);
        Assert.True(after.Has("learninghub_outbox_oldest_due_age_seconds"), after.Text);
        Assert.True(after.Has("learninghub_retention_daily_run_age_seconds", ("board", "norfolk")), after.Text);
        Assert.True(after.Sum("http_server_request_duration_seconds_count", ("http_route", "{board}/events/{id:guid}/book/check")) >= 2, after.Text);
        // Nothing in it names a person.
        Assert.DoesNotContain(Practitioner, after.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_only_on_the_management_port_which_serves_nothing_else()
    {
        var site = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync("/metrics")).StatusCode);

        // The port decides, not the Host header a client writes.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        forged.Headers.Host = $"localhost:{factory.MetricsPort}";
        Assert.Equal(HttpStatusCode.NotFound, (await site.SendAsync(forged)).StatusCode);

        var management = factory.CreateScraper();
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync("/norfolk")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync("/health")).StatusCode);
        var scrape = await management.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_management_port_no_address_serves_metrics()
    {
        await using var plain = new LearningHubFactory();
        var client = plain.CreateBrowserClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }

    private static async Task<Scrape> ScrapeAsync(HttpClient scraper)
    {
        var response = await scraper.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return new Scrape(text);
    }

    /// <summary>A Prometheus text exposition, read just enough to find a sample by name and labels.</summary>
    private sealed record Scrape(string Text)
    {
        public double Sum(string name, params (string Label, string Value)[] labels) =>
            Matching(name, labels).Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

        public bool Has(string name, params (string Label, string Value)[] labels) => Matching(name, labels).Any();

        private IEnumerable<string> Matching(string name, (string Label, string Value)[] labels) =>
            Text.Split('\n')
                .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
                .Where(line => labels.All(l => line.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)));
    }
}
