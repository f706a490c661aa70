using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LearningHub.Core.Data;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Notifications;

/// <summary>
/// OAuth 2.0 for SMTP against real parts: a token endpoint issuing client-credentials tokens with an
/// expiry, and aiosmtpd taking XOAUTH2 only with a token that endpoint issued and that has not expired
/// (<c>oauth_smtpd.py</c>), over STARTTLS. The site's clock and the server's are both moved by the
/// test, so expiry needs no waiting; the dispatcher is off and each test runs its passes.
/// </summary>
public sealed class SmtpOAuthTests : IAsyncLifetime
{
    private const string Mailbox = "learning@norfolk.example";
    private const string ClientId = "learninghub-test-client";
    private const string ClientSecret = "client-secret-for-tests-1";
    private const string Scope = "https://outlook.office365.com/.default";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "learninghub-tests", "oauth-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new();
    private SmtpTestServer _server = null!;
    private OAuthFactory _site = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var certificateFile = Path.Combine(_folder, "server.crt");
        var keyFile = Path.Combine(_folder, "server.key");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
            File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        }

        _server = new SmtpTestServer { RequireOAuth = (certificateFile, keyFile, Mailbox, ClientId, ClientSecret, Scope) };
        await _server.StartAsync();
        _site = new OAuthFactory(certificateFile);
        await _site.UseSmtpAsync("norfolk", _server.Port, SmtpSecurity.StartTls, host: "localhost");
        // As the settings page stores them: the client secret encrypted with data protection.
        await _site.WithBoardServicesAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            var settings = await db.Set<BoardMailSettings>().SingleAsync();
            settings.Authentication = SmtpAuthentication.OAuthClientCredentials;
            settings.UserName = Mailbox;
            settings.OAuthTokenEndpoint = _server.TokenEndpoint.ToString();
            settings.OAuthClientId = ClientId;
            settings.ProtectedOAuthClientSecret = services.GetRequiredService<MailTransports>().ProtectClientSecret(ClientSecret);
            settings.OAuthScope = Scope;
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _site.DisposeAsync();
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Task QueueAsync(string key, string to) =>
        _site.WithBoardServicesAsync("norfolk", async services =>
        {
            await services.GetRequiredService<MailQueue>().EnqueueAsync(key, "tests", new OutgoingMail(to, "Sam", "OAuth " + key, "Text", "<p>HTML</p>"));
            return await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
        });

    /// <summary>One dispatcher pass, as the background service would run it.</summary>
    private Task<int> PassAsync() => _site.Services.GetRequiredService<OutboxProcessor>().RunOnceAsync(CancellationToken.None);

    private Task<OutboxMessage> RowAsync(string key) =>
        _site.WithBoardAsync("norfolk", db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.DedupeKey == key));

    private async Task<TokenStats> StatsAsync() =>
        (await _http.GetFromJsonAsync<TokenStats>(new Uri(_server.TokenEndpoint, "/stats")))!;

    private async Task ControlAsync(string pathAndQuery) =>
        (await _http.PostAsync(new Uri(_server.TokenEndpoint, pathAndQuery), null)).EnsureSuccessStatusCode();

    [Fact]
    public async Task A_token_from_the_endpoint_signs_in_and_the_mail_is_delivered_and_the_token_is_reused()
    {
        await QueueAsync("oauth-1", "sam@school.example");
        await PassAsync();
        await QueueAsync("oauth-2", "kim@school.example");
        await PassAsync();

        await _server.WaitForAsync(m => m.IsAddressedTo("sam@school.example") || m.IsAddressedTo("kim@school.example"), count: 2);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync("oauth-1")).Status);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync("oauth-2")).Status);
        var stats = await StatsAsync();
        // One token for both passes (cached until shortly before it expires), accepted both times.
        Assert.Equal(1, stats.Issued);
        Assert.Equal(2, stats.Accepted.Count);
        Assert.Single(stats.Accepted.Distinct());
        Assert.Equal(0, stats.Refused);
        Assert.Equal(0, stats.BadRequests);
    }

    [Fact]
    public async Task An_expired_token_is_renewed_before_it_is_sent()
    {
        await ControlAsync("/lifetime?seconds=600");
        await QueueAsync("first", "sam@school.example");
        await PassAsync();

        // Ten minutes on, for the site and the server alike: the cached token has expired.
        _site.Clock.Advance(TimeSpan.FromSeconds(601));
        await ControlAsync("/advance?seconds=601");
        await QueueAsync("later", "kim@school.example");
        await PassAsync();

        await _server.WaitForAsync(m => m.IsAddressedTo("kim@school.example"));
        Assert.Equal(OutboxStatus.Sent, (await RowAsync("later")).Status);
        var stats = await StatsAsync();
        // A new token was fetched because the site knew the old one had expired, not because the server refused it.
        Assert.Equal(2, stats.Issued);
        Assert.Equal(2, stats.Accepted.Distinct().Count());
        Assert.Equal(0, stats.Refused);
    }

    [Fact]
    public async Task A_token_the_server_refuses_is_dropped_and_a_new_one_fetched_once()
    {
        await QueueAsync("first", "sam@school.example");
        await PassAsync();

        // The server's clock alone moves on: the site still thinks its cached token good.
        await ControlAsync("/advance?seconds=7200");
        await QueueAsync("later", "kim@school.example");
        await PassAsync();

        await _server.WaitForAsync(m => m.IsAddressedTo("kim@school.example"));
        Assert.Equal(OutboxStatus.Sent, (await RowAsync("later")).Status);
        var stats = await StatsAsync();
        Assert.Equal(2, stats.Issued);
        Assert.Equal(1, stats.Refused);
    }

    [Fact]
    public async Task A_refused_token_leaves_the_mail_queued_with_the_error_on_the_mail_page()
    {
        await ControlAsync("/refuse-all");
        await QueueAsync("refused", "sam@school.example");

        await PassAsync();

        var row = await RowAsync("refused");
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.True(row.NextAttemptUtc > _site.Clock.GetUtcNow().UtcDateTime, "A retry is scheduled for later");
        Assert.Contains("535", row.LastError);
        var stats = await StatsAsync();
        // The cached token was refused, so one new token was fetched and tried; no more.
        Assert.Equal(2, stats.Issued);
        Assert.Equal(2, stats.Refused);
        Assert.Empty(_server.Messages());
        Assert.DoesNotContain(ClientSecret, row.LastError);

        var admin = _site.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        var page = await admin.GetDocumentAsync("/norfolk/admin/mail");
        var listed = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("sam@school.example"));
        Assert.Contains("Pending", listed.QuerySelector(".govuk-tag")!.TextContent);
        Assert.Contains("Last error:", listed.TextContent);
        Assert.Contains("535", listed.TextContent);
    }

    [Fact]
    public async Task A_wrong_client_secret_keeps_the_mail_queued_with_the_providers_answer()
    {
        await _site.WithBoardServicesAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            var settings = await db.Set<BoardMailSettings>().SingleAsync();
            settings.ProtectedOAuthClientSecret = services.GetRequiredService<MailTransports>().ProtectClientSecret("not-the-secret");
            return await db.SaveChangesAsync();
        });
        await QueueAsync("bad-secret", "sam@school.example");

        await PassAsync();

        var row = await RowAsync("bad-secret");
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Contains("401", row.LastError);
        Assert.Contains("invalid_client", row.LastError);
        Assert.DoesNotContain("not-the-secret", row.LastError);
        Assert.Equal(0, (await StatsAsync()).Issued);
    }

    private sealed record TokenStats(int Issued, List<string> Accepted, int Refused, int BadRequests);

    /// <summary>A site with a movable clock, no background dispatcher, and the test certificate trusted.</summary>
    private sealed class OAuthFactory(string trustedCertificateFile) : LearningHubFactory
    {
        public MovableClock Clock { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Notifications:DispatcherEnabled"] = "false",
            ["Notifications:SmtpTimeout"] = "00:00:10",
            ["Notifications:SmtpTrustedCertificateFile"] = trustedCertificateFile,
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
