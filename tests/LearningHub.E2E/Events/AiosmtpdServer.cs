using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LearningHub.E2E.Infrastructure;

namespace LearningHub.E2E.Events;

/// <summary>A real SMTP server for the events journey: aiosmtpd (Debian python3-aiosmtpd) writing to a Maildir.</summary>
public sealed class AiosmtpdServer : IAsyncDisposable
{
    private Process? _process;

    public AiosmtpdServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public int Port { get; }

    public string Maildir { get; } = Path.Combine(Path.GetTempPath(), "learninghub-e2e-smtp", Guid.NewGuid().ToString("N"));

    public async Task StartAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Maildir)!);
        _process = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start aiosmtpd");
        await Poll.UntilAsync(async () =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20), () => $"aiosmtpd did not start on port {Port}");
    }

    /// <summary>The one message delivered to <paramref name="address"/> whose subject contains <paramref name="subject"/>.</summary>
    public Task<MailFile> MessageAsync(string address, string subject) =>
        Poll.ForAsync(
            () =>
            {
                var folder = Path.Combine(Maildir, "new");
                return Directory.Exists(folder)
                    ? Directory.EnumerateFiles(folder).Select(MailFile.Load)
                        .FirstOrDefault(m => m.IsAddressedTo(address) && m.Headers.GetValueOrDefault("Subject", "").Contains(subject, StringComparison.Ordinal))
                    : null;
            },
            TimeSpan.FromSeconds(30),
            () => $"No mail to {address} about '{subject}' reached the SMTP server");

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }

        _process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
