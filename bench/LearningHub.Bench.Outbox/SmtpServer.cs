using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using LearningHub.Notifications.Domain;

namespace LearningHub.Bench.Outbox;

/// <summary>
/// A real SMTP server on 127.0.0.1: aiosmtpd (Debian's python3-aiosmtpd) in its own process. By default
/// with <c>counting_smtpd.CountingHandler</c>, which logs one line per accepted message (its Message-ID);
/// with <c>maildir: true</c> with aiosmtpd's own Mailbox handler, which writes each message to a Maildir.
/// </summary>
internal sealed partial class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private SmtpServer(Process process, int port, string folder, bool maildir)
    {
        _process = process;
        Port = port;
        Folder = folder;
        UsesMaildir = maildir;
    }

    public int Port { get; }

    /// <summary>Temp folder holding the log (or the Maildir).</summary>
    public string Folder { get; }

    public bool UsesMaildir { get; }

    public int ProcessId => _process.Id;

    private string LogPath => Path.Combine(Folder, "received.log");

    private string MaildirPath => Path.Combine(Folder, "maildir");

    /// <summary>Points a board's mail at this server: plain SMTP on 127.0.0.1, no TLS, no sign-in.</summary>
    public void Receive(BoardMailSettings settings)
    {
        settings.Transport = MailTransportKind.Smtp;
        settings.Host = "127.0.0.1";
        settings.Port = Port;
        settings.Security = SmtpSecurity.None;
        settings.Authentication = SmtpAuthentication.None;
        settings.UserName = null;
        settings.ProtectedPassword = null;
    }

    public static async Task<SmtpServer> StartAsync(bool maildir)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} not found: install python3-aiosmtpd (scripts/install-test-deps.sh).");
        }

        var port = FreeLoopbackPort();
        var folder = Path.Combine(Path.GetTempPath(), "learninghub-bench-smtp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c" })
        {
            start.ArgumentList.Add(arg);
        }

        if (maildir)
        {
            start.ArgumentList.Add("aiosmtpd.handlers.Mailbox");
            start.ArgumentList.Add(Path.Combine(folder, "maildir"));
        }
        else
        {
            start.ArgumentList.Add("counting_smtpd.CountingHandler");
            start.ArgumentList.Add(Path.Combine(folder, "received.log"));
            start.Environment["PYTHONPATH"] = AppContext.BaseDirectory;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd");
        var server = new SmtpServer(process, port, folder, maildir);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(20) && !process.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException ex)
            {
                var why = process.HasExited ? server.Output() : "no answer within 20 s";
                await server.DisposeAsync();
                throw new InvalidOperationException($"aiosmtpd did not start on 127.0.0.1:{port}: {why}", ex);
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 50)
            {
                _output.Dequeue();
            }
        }
    }

    /// <summary>The server's last lines of output (it prints only errors).</summary>
    public string Output()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The Message-ID of every message the server accepted, in order ("-" when it had none).</summary>
    public IReadOnlyList<string> ReceivedMessageIds()
    {
        if (!UsesMaildir)
        {
            if (!File.Exists(LogPath))
            {
                return [];
            }

            // The handler writes whole lines; a line still being written has no tab yet and is skipped.
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var ids = new List<string>();
            while (reader.ReadLine() is { } line)
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab > 0)
                {
                    ids.Add(line[..tab]);
                }
            }

            return ids;
        }

        return new[] { "new", "cur" }
            .Select(sub => Path.Combine(MaildirPath, sub))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Select(MessageIdOf)
            .ToList();
    }

    private static string MessageIdOf(string file)
    {
        using var reader = new StreamReader(file);
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var match = MessageIdHeader().Match(line);
            if (match.Success)
            {
                return match.Groups[1].Value;
            }
        }

        return "-";
    }

    [GeneratedRegex(@"^message-id:\s*(<[^>]*>)", RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();

    /// <summary>Peak resident memory (VmHWM) and CPU time (user + system) of the server process so far.</summary>
    public (long PeakBytes, TimeSpan Cpu) Usage() => ProcStat.Of(_process.Id);

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>Reads a process's peak resident set and CPU time from /proc (Linux).</summary>
internal static class ProcStat
{
    private static readonly double TicksPerSecond = 100; // USER_HZ: 100 on Linux.

    public static (long PeakBytes, TimeSpan Cpu) Of(int pid)
    {
        try
        {
            var peak = StatusKb(pid, "VmHWM:") * 1024;
            // /proc/<pid>/stat: fields after the ")" of the command name; utime and stime are fields 14 and 15.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
                        + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return (peak, TimeSpan.FromSeconds(ticks / TicksPerSecond));
        }
        catch (IOException)
        {
            return (0, TimeSpan.Zero);
        }
    }

    /// <summary>A "Name:   123 kB" line of /proc/&lt;pid&gt;/status, in kB (0 if absent).</summary>
    public static long StatusKb(int pid, string name)
    {
        var pidPart = pid == Environment.ProcessId ? "self" : pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var line in File.ReadLines($"/proc/{pidPart}/status"))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                return long.Parse(line[name.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>Resets this process's VmHWM to its current RSS (Linux 4.0+: write 5 to clear_refs); false if not allowed.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
