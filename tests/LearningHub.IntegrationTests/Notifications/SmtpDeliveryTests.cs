using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LearningHub.Core.Data;
using LearningHub.E2E.Infrastructure;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Notifications;

/// <summary>
/// The SMTP client against a real server (aiosmtpd): encrypted delivery with a certificate made for the
/// test, offering STARTTLS (and refusing mail without it) or TLS from the first byte, which the site
/// trusts only through <c>Notifications:SmtpTrustedCertificateFile</c>; and a recipient refused for good.
/// </summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "learninghub-tests", "tls-" + Guid.NewGuid().ToString("N"));
    private readonly List<IAsyncDisposable> _cleanup = [];

    private string CertificateFile => Path.Combine(_folder, "server.crt");

    private string KeyFile => Path.Combine(_folder, "server.key");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(CertificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(KeyFile, key.ExportPkcs8PrivateKeyPem());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var item in _cleanup)
        {
            await item.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private async Task<SmtpTestServer> StartServerAsync(params string[] options) => await StartServerAsync(new SmtpTestServer(options));

    private async Task<SmtpTestServer> StartServerAsync(SmtpTestServer server)
    {
        _cleanup.Add(server);
        await server.StartAsync();
        return server;
    }

    private async Task<LearningHubFactory> StartSiteAsync(int port, SmtpSecurity security, bool trustCertificate, string? userName = null, string? password = null)
    {
        var factory = new TlsFactory(trustCertificate ? CertificateFile : null);
        _cleanup.Add(factory);
        // "localhost": the test certificate is issued to that name.
        await factory.UseSmtpAsync("norfolk", port, security, host: "localhost");
        if (userName is not null)
        {
            // As the settings page stores it: the password encrypted with data protection.
            await factory.WithBoardServicesAsync("norfolk", async services =>
            {
                var db = services.GetRequiredService<LearningHubDbContext>();
                var settings = await db.Set<BoardMailSettings>().SingleAsync();
                settings.Authentication = SmtpAuthentication.Password;
                settings.UserName = userName;
                settings.ProtectedPassword = services.GetRequiredService<MailTransports>().ProtectPassword(password!);
                return await db.SaveChangesAsync();
            });
        }

        await QueueAsync(factory, "tls-1", "sam@school.example");
        return factory;
    }

    private static Task QueueAsync(LearningHubFactory site, string key, string to) =>
        site.WithBoardServicesAsync("norfolk", async services =>
        {
            await services.GetRequiredService<MailQueue>().EnqueueAsync(key, "tests",
                new OutgoingMail(to, "Sam", "Encrypted", "Text", "<p>HTML</p>"));
            return await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
        });

    private static async Task<OutboxMessage> WaitForAttemptAsync(LearningHubFactory site, string key = "tls-1")
    {
        OutboxMessage? row = null;
        await Poll.UntilAsync(async () =>
        {
            row = await site.WithBoardAsync("norfolk", db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.DedupeKey == key));
            return row.Attempts > 0 || row.Status == OutboxStatus.Sent;
        }, TimeSpan.FromSeconds(20), () => "The dispatcher never tried the message");
        return row!;
    }

    /// <summary>Waits for the mail at the server; on a timeout, says what the dispatcher last saw.</summary>
    private static async Task<MailFile> DeliveredAsync(SmtpTestServer server, LearningHubFactory site)
    {
        string? lastError = null;
        await Poll.UntilAsync(async () =>
        {
            lastError = (await site.WithBoardAsync("norfolk", db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.DedupeKey == "tls-1"))).LastError;
            return server.Messages().Count > 0;
        }, TimeSpan.FromSeconds(20), () => $"Not delivered; last error: {lastError ?? "none"}");
        return Assert.Single(server.Messages());
    }

    [Fact]
    public async Task Mail_goes_over_STARTTLS_to_a_server_that_insists_on_it()
    {
        var server = await StartServerAsync("--tlscert", CertificateFile, "--tlskey", KeyFile);
        await using var site = await StartSiteAsync(server.Port, SmtpSecurity.StartTls, trustCertificate: true);

        var mail = await DeliveredAsync(server, site);

        Assert.True(mail.IsAddressedTo("sam@school.example"));
        Assert.Equal("Text", mail.TextBody);
    }

    [Fact]
    public async Task Mail_goes_over_TLS_from_the_first_byte()
    {
        var server = await StartServerAsync("--smtpscert", CertificateFile, "--smtpskey", KeyFile);
        await using var site = await StartSiteAsync(server.Port, SmtpSecurity.SslOnConnect, trustCertificate: true);

        var mail = await DeliveredAsync(server, site);

        Assert.True(mail.IsAddressedTo("sam@school.example"));
    }

    [Fact]
    public async Task A_certificate_nobody_trusts_stops_the_mail_with_a_reason()
    {
        var server = await StartServerAsync("--tlscert", CertificateFile, "--tlskey", KeyFile);
        await using var site = await StartSiteAsync(server.Port, SmtpSecurity.StartTls, trustCertificate: false);

        var row = await WaitForAttemptAsync(site);

        Assert.NotEqual(OutboxStatus.Sent, row.Status);
        Assert.Contains("certificate", row.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task Asking_for_STARTTLS_never_falls_back_to_plain_text()
    {
        var server = await StartServerAsync();
        await using var site = await StartSiteAsync(server.Port, SmtpSecurity.StartTls, trustCertificate: true);

        var row = await WaitForAttemptAsync(site);

        Assert.NotEqual(OutboxStatus.Sent, row.Status);
        Assert.Contains("does not offer STARTTLS", row.LastError);
        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task Mail_goes_to_a_server_that_wants_a_password_after_STARTTLS()
    {
        var server = await StartServerAsync(new SmtpTestServer { RequireAuthentication = (CertificateFile, KeyFile, "learning", "relay-password-1") });
        await using var site = await StartSiteAsync(server.Port, SmtpSecurity.StartTls, trustCertificate: true, "learning", "relay-password-1");

        var mail = await DeliveredAsync(server, site);

        Assert.True(mail.IsAddressedTo("sam@school.example"));
    }

    [Fact]
    public async Task A_wrong_password_stops_the_mail_with_the_servers_answer()
    {
        var server = await StartServerAsync(new SmtpTestServer { RequireAuthentication = (CertificateFile, KeyFile, "learning", "relay-password-1") });
        await using var site = await StartSiteAsync(server.Port, SmtpSecurity.StartTls, trustCertificate: true, "learning", "not-the-password");

        var row = await WaitForAttemptAsync(site);

        Assert.NotEqual(OutboxStatus.Sent, row.Status);
        Assert.Contains("535", row.LastError);
        Assert.DoesNotContain("not-the-password", row.LastError);
        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_fails_at_once_and_the_session_goes_on()
    {
        var server = await StartServerAsync(new SmtpTestServer { Handler = "refusing_mailbox.RefusingMailbox" });
        await using var site = await StartSiteAsync(server.Port, SmtpSecurity.None, trustCertificate: false);
        await QueueAsync(site, "refused-1", "nobody@refused.example");
        await QueueAsync(site, "after-1", "kim@school.example");

        var refused = await WaitForAttemptAsync(site, "refused-1");
        await server.WaitForAsync(m => m.IsAddressedTo("kim@school.example"));

        // No retries for a mailbox that does not exist: failed after one attempt, with the server's words.
        Assert.Equal(OutboxStatus.Failed, refused.Status);
        Assert.Equal(1, refused.Attempts);
        Assert.Contains("550", refused.LastError);
        Assert.DoesNotContain(server.Messages(), m => m.IsAddressedTo("nobody@refused.example"));
    }

    private sealed class TlsFactory(string? trustedCertificateFile) : LearningHubFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Notifications:PollInterval"] = "00:00:00.100",
            ["Notifications:FirstRetryDelay"] = "00:00:30",
            ["Notifications:SmtpTimeout"] = "00:00:05",
            ["Notifications:SmtpTrustedCertificateFile"] = trustedCertificateFile,
        };
    }
}
