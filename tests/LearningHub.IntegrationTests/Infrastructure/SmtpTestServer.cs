using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LearningHub.E2E.Infrastructure;

namespace LearningHub.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server for the tests: aiosmtpd (Debian's python3-aiosmtpd, installed by
/// scripts/install-test-deps.sh) on 127.0.0.1, storing what it receives in a Maildir. It can be stopped
/// and started again on the same port to play a mail server that goes away and comes back.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly string[] _options;
    private Process? _process;

    /// <param name="options">More aiosmtpd options, e.g. <c>--tlscert</c>/<c>--tlskey</c> for STARTTLS.</param>
    public SmtpTestServer(params string[] options)
    {
        _options = options;
        Port = FreePort();
        TokenPort = FreePort();
    }

    public int Port { get; }

    /// <summary>With <see cref="RequireOAuth"/>: the port of the token endpoint, http on 127.0.0.1.</summary>
    public int TokenPort { get; }

    public Uri TokenEndpoint => new($"http://127.0.0.1:{TokenPort}/token");

    /// <summary>
    /// The aiosmtpd handler class: its Mailbox, or <c>refusing_mailbox.RefusingMailbox</c> (beside the
    /// tests), which refuses recipients at refused.example with a 550.
    /// </summary>
    public string Handler { get; init; } = "aiosmtpd.handlers.Mailbox";

    /// <summary>
    /// Instead of aiosmtpd's command line, <c>auth_smtpd.py</c> (beside the tests): STARTTLS with this
    /// certificate and key, then this user name and password, required before any mail.
    /// </summary>
    public (string CertificateFile, string KeyFile, string UserName, string Password)? RequireAuthentication { get; init; }

    /// <summary>
    /// Instead of aiosmtpd's command line, <c>oauth_smtpd.py</c> (beside the tests): STARTTLS with this
    /// certificate and key, then XOAUTH2 with a token for this user from its own token endpoint
    /// (<see cref="TokenEndpoint"/>), which issues tokens for this client ID, secret and scope.
    /// </summary>
    public (string CertificateFile, string KeyFile, string UserName, string ClientId, string ClientSecret, string Scope)? RequireOAuth { get; init; }

    public string Maildir { get; } = Path.Combine(Path.GetTempPath(), "learninghub-smtp", Guid.NewGuid().ToString("N"));

    public async Task StartAsync()
    {
        // aiosmtpd makes the Maildir itself, but not the folders above it.
        Directory.CreateDirectory(Path.GetDirectoryName(Maildir)!);
        string[] arguments = (RequireAuthentication, RequireOAuth) switch
        {
            ((var certificate, var key, var user, var password), _) =>
                [Path.Combine(AppContext.BaseDirectory, "auth_smtpd.py"), $"127.0.0.1:{Port}", certificate, key, user, password, Maildir],
            (_, (var certificate, var key, var user, var clientId, var secret, var scope)) =>
                [Path.Combine(AppContext.BaseDirectory, "oauth_smtpd.py"), $"127.0.0.1:{Port}", TokenPort.ToString(), certificate, key, user, clientId, secret, scope, Maildir],
            _ => ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", .. _options, "-c", Handler, Maildir],
        };
        _process = Process.Start(new ProcessStartInfo("/usr/bin/python3", arguments)
        {
            Environment = { ["PYTHONPATH"] = AppContext.BaseDirectory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start aiosmtpd");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                if (RequireOAuth is not null)
                {
                    // The token endpoint starts first, in the same process, but is checked all the same.
                    using var tokens = new TcpClient();
                    await tokens.ConnectAsync(IPAddress.Loopback, TokenPort);
                }

                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50); // the poll interval
            }
            catch (SocketException ex)
            {
                var why = _process.HasExited ? await _process.StandardError.ReadToEndAsync() : "no answer before the deadline";
                throw new InvalidOperationException($"aiosmtpd did not start on port {Port}: {why}", ex);
            }
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Everything the server has received so far.</summary>
    public IReadOnlyList<MailFile> Messages() =>
        new[] { "new", "cur" }
            .Select(folder => Path.Combine(Maildir, folder))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Select(MailFile.Load)
            .ToList();

    /// <summary>How many messages the server has received so far, without reading them (cheap enough to poll tightly).</summary>
    public int Count() =>
        new[] { "new", "cur" }
            .Select(folder => Path.Combine(Maildir, folder))
            .Where(Directory.Exists)
            .Sum(folder => Directory.EnumerateFiles(folder).Count());

    /// <summary>Polls until <paramref name="count"/> messages match, or fails at the deadline.</summary>
    public async Task<IReadOnlyList<MailFile>> WaitForAsync(Func<MailFile, bool> match, int count = 1)
    {
        List<MailFile> found = [];
        await Poll.UntilAsync(
            () => Task.FromResult((found = Messages().Where(match).ToList()).Count >= count),
            TimeSpan.FromSeconds(20),
            () => $"Expected {count} matching message(s), the SMTP server has {found.Count}.");
        return found;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Maildir, recursive: true);
        }
        catch (IOException)
        {
            // Already gone, or still held: a leftover temp folder is harmless.
        }
    }
}
