using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using LearningHub.Core.Data;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Bench.Outbox;

/// <summary>
/// Queue N mails through the real MailQueue, then let the real OutboxDispatcher send them to a local
/// aiosmtpd, and report: queue time and rate, dispatch time and messages per second, peak memory, how
/// many the SMTP server received and whether any came twice. See bench/README.md.
/// </summary>
internal static class OutboxBench
{
    private const string Category = "bench";
    private const string Board = "norfolk";

    private static async Task<int> Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}{Environment.NewLine}{Options.Usage}");
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(Options.Usage);
            return 0;
        }

        // WebApplicationFactory finds the web project's content root through MvcTestingAppManifest.json
        // in the current directory, which the build puts beside this program.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var dataPath = Path.Combine(Path.GetTempPath(), "learninghub-bench-outbox", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        await using var smtp = await SmtpServer.StartAsync(options.Maildir);
        try
        {
            return options.Probe > 0
                ? await Probes.RunAsync(options.Probe, dataPath, smtp, Mail)
                : await RunAsync(options, dataPath, smtp);
        }
        finally
        {
            if (!options.Keep)
            {
                try
                {
                    Directory.Delete(dataPath, recursive: true);
                }
                catch (IOException)
                {
                    // A leftover temp folder is harmless.
                }
            }
            else
            {
                Console.WriteLine($"data folder kept: {dataPath}");
            }
        }
    }

    private static async Task<int> RunAsync(Options options, string dataPath, SmtpServer smtp)
    {
        var n = options.Messages;
        Console.WriteLine($"outbox benchmark: {n} messages, SaveChanges every {options.SaveEvery}, " +
                          $"{Environment.ProcessorCount} CPUs, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, .NET {Environment.Version}");
        Console.WriteLine($"data folder {dataPath}");
        Console.WriteLine($"SMTP server: aiosmtpd on 127.0.0.1:{smtp.Port} ({(smtp.UsesMaildir ? "Mailbox handler, Maildir" : "counting handler")}), pid {smtp.ProcessId}");
        foreach (var (key, value) in options.AppSettings)
        {
            Console.WriteLine($"setting {key}={value}");
        }

        // Phase 1: the app with its dispatcher off; point Norfolk at the server and queue everything.
        var queueSettings = new Dictionary<string, string?>(options.AppSettings) { ["Notifications:DispatcherEnabled"] = "false" };
        TimeSpan queueTime;
        var startWatch = Stopwatch.StartNew();
        await using (var site = new BenchSite(dataPath, queueSettings))
        {
            _ = site.Services; // starts the host: migrations, recipes (both boards)
            Console.WriteLine($"queueing app started in {startWatch.ElapsedMilliseconds} ms (new database, recipes applied)");
            await site.WithBoardAsync(Board, async services =>
            {
                var db = services.GetRequiredService<LearningHubDbContext>();
                var settings = await db.Set<BoardMailSettings>().SingleAsync();
                smtp.Receive(settings);
                settings.FromAddress = "learning@norfolk.example";
                return await db.SaveChangesAsync();
            });

            var watch = Stopwatch.StartNew();
            for (var first = 0; first < n; first += options.SaveEvery)
            {
                var last = Math.Min(n, first + options.SaveEvery);
                await site.WithBoardAsync(Board, async services =>
                {
                    var queue = services.GetRequiredService<MailQueue>();
                    for (var i = first; i < last; i++)
                    {
                        if (!await queue.EnqueueAsync($"bench:{i}", Category, Mail(i)))
                        {
                            throw new InvalidOperationException($"bench:{i} was not queued");
                        }
                    }

                    return await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
                });
            }

            queueTime = watch.Elapsed;
        }

        var afterQueuePeak = ProcStat.StatusKb(Environment.ProcessId, "VmHWM:") * 1024;
        Console.WriteLine($"queued {n} in {queueTime.TotalSeconds:F2} s: {n / queueTime.TotalSeconds:F0} messages/s " +
                          $"(process peak so far {Mb(afterQueuePeak)})");
        if (smtp.ReceivedMessageIds().Count != 0)
        {
            Console.WriteLine("FAIL: the server received mail while the dispatcher was off");
            return 1;
        }

        // Phase 2: the app again on the same data folder, dispatcher on (a restart picks the queue up).
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var peakReset = ProcStat.ResetPeak();
        var rssBefore = ProcStat.StatusKb(Environment.ProcessId, "VmRSS:") * 1024;
        var smtpBefore = smtp.Usage();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var launch = Stopwatch.GetTimestamp();
        var dispatchSettings = new Dictionary<string, string?>(options.AppSettings) { ["Notifications:DispatcherEnabled"] = "true" };
        var senders = new List<BenchSite>();
        try
        {
            for (var k = 0; k < options.Dispatchers; k++)
            {
                // More than one: as many app instances on the one database, each with its own dispatcher (an experiment).
                var one = new BenchSite(dataPath, dispatchSettings);
                senders.Add(one);
                _ = one.Services;
            }

            return await DispatchAsync(options, smtp, senders, queueTime, afterQueuePeak, peakReset, rssBefore, smtpBefore, cpuBefore, launch);
        }
        finally
        {
            foreach (var one in senders)
            {
                await one.DisposeAsync();
            }
        }
    }

    private static async Task<int> DispatchAsync(Options options, SmtpServer smtp, List<BenchSite> senders, TimeSpan queueTime,
        long afterQueuePeak, bool peakReset, long rssBefore, (long PeakBytes, TimeSpan Cpu) smtpBefore, TimeSpan cpuBefore, long launch)
    {
        var n = options.Messages;
        long sampledRss = 0;
        long sampledHeap = 0;
        var deadline = TimeSpan.FromSeconds(options.DeadlineSeconds);
        var sender = senders[0];
        var hostStarted = Stopwatch.GetTimestamp();
        var dispatchStart = sender.Marker.StartedTimestamp ?? throw new InvalidOperationException("the dispatcher did not start");
        Console.WriteLine($"dispatching app{(senders.Count > 1 ? $"s ({senders.Count})" : "")} started in {Stopwatch.GetElapsedTime(launch).TotalMilliseconds:F0} ms " +
                          $"(dispatcher started {Stopwatch.GetElapsedTime(launch, dispatchStart).TotalMilliseconds:F0} ms after launch)");

        Dictionary<OutboxStatus, int> counts;
        var lastReport = Stopwatch.GetTimestamp();
        while (true)
        {
            counts = await StatusCountsAsync(sender);
            sampledRss = Math.Max(sampledRss, ProcStat.StatusKb(Environment.ProcessId, "VmRSS:") * 1024);
            sampledHeap = Math.Max(sampledHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
            var sent = counts.GetValueOrDefault(OutboxStatus.Sent);
            var failed = counts.GetValueOrDefault(OutboxStatus.Failed);
            if (sent + failed >= n)
            {
                break;
            }

            if (Stopwatch.GetElapsedTime(dispatchStart) > deadline)
            {
                Console.WriteLine($"FAIL: deadline of {options.DeadlineSeconds} s passed with {sent} of {n} sent ({Describe(counts)})");
                Console.WriteLine($"SMTP server output: {smtp.Output()}");
                return 1;
            }

            if (smtp.HasExited)
            {
                Console.WriteLine($"FAIL: the SMTP server exited: {smtp.Output()}");
                return 1;
            }

            if (Stopwatch.GetElapsedTime(lastReport) > TimeSpan.FromSeconds(15))
            {
                lastReport = Stopwatch.GetTimestamp();
                Console.WriteLine($"  {Stopwatch.GetElapsedTime(dispatchStart).TotalSeconds,5:F1} s: {Describe(counts)}");
            }

            await Task.Delay(options.CheckMilliseconds);
        }

        var dispatchTime = Stopwatch.GetElapsedTime(dispatchStart);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var dispatchPeak = ProcStat.StatusKb(Environment.ProcessId, "VmHWM:") * 1024;
        var smtpAfter = smtp.Usage();
        var (firstSent, lastSent, retried) = await sender.WithBoardAsync(Board, async services =>
        {
            var rows = services.GetRequiredService<LearningHubDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => m.Category == Category);
            return (await rows.MinAsync(m => m.SentUtc), await rows.MaxAsync(m => m.SentUtc), await rows.CountAsync(m => m.Attempts > 0));
        });
        var expectedIds = await sender.WithBoardAsync(Board, async services =>
            (await services.GetRequiredService<LearningHubDbContext>().Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Category == Category).Select(m => m.Id).ToListAsync())
            .Select(id => $"<{id:N}@learninghub>").ToHashSet(StringComparer.OrdinalIgnoreCase));

        var received = smtp.ReceivedMessageIds();
        var distinct = received.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var duplicates = received.Count - distinct.Count;
        var missing = expectedIds.Count(id => !distinct.Contains(id));
        var unexpected = distinct.Count(id => !expectedIds.Contains(id));
        var rate = n / dispatchTime.TotalSeconds;
        var span = lastSent - firstSent;

        Console.WriteLine();
        Console.WriteLine($"queue:     {n} messages in {queueTime.TotalSeconds:F2} s = {n / queueTime.TotalSeconds:F0} messages/s (SaveChanges every {options.SaveEvery})");
        Console.WriteLine($"dispatch:  {counts.GetValueOrDefault(OutboxStatus.Sent)} sent in {dispatchTime.TotalSeconds:F2} s = {rate:F0} messages/s " +
                          $"(dispatcher start to all rows Sent, checked every {options.CheckMilliseconds} ms; first to last SentUtc {span?.TotalSeconds:F2} s)");
        Console.WriteLine($"outcome:   {counts.GetValueOrDefault(OutboxStatus.Failed)} failed, {retried} needed a retry; app start before it {Stopwatch.GetElapsedTime(launch, hostStarted).TotalSeconds:F2} s");
        Console.WriteLine($"memory:    peak working set {Mb(dispatchPeak)} during dispatch{(peakReset ? "" : " (could not reset VmHWM: whole-process peak)")}, " +
                          $"{Mb(afterQueuePeak)} up to the end of queueing; RSS {Mb(rssBefore)} before the dispatching app; " +
                          $"sampled max RSS {Mb(sampledRss)}, GC heap {Mb(sampledHeap)}");
        Console.WriteLine($"CPU:       bench+app process {cpu.TotalSeconds:F1} s ({cpu / dispatchTime:P0} of one core); " +
                          $"SMTP server {(smtpAfter.Cpu - smtpBefore.Cpu).TotalSeconds:F1} s ({(smtpAfter.Cpu - smtpBefore.Cpu) / dispatchTime:P0}), peak RSS {Mb(smtpAfter.PeakBytes)}");
        Console.WriteLine($"SMTP:      server received {received.Count}, distinct Message-IDs {distinct.Count}, duplicates {duplicates}, " +
                          $"missing {missing}, not from this run {unexpected}");

        var ok = received.Count == n && distinct.Count == n && duplicates == 0 && missing == 0 && unexpected == 0
                 && counts.GetValueOrDefault(OutboxStatus.Sent) == n;
        // The target is 10,000 in under 60 s, i.e. at least 10,000 / 60 = 167 messages/s; other counts are held to that rate.
        var targetTime = TimeSpan.FromSeconds(60.0 * n / 10_000);
        var target = ok && dispatchTime < targetTime;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT messages={n} queue_s={queueTime.TotalSeconds:F2} queue_per_s={n / queueTime.TotalSeconds:F0} dispatch_s={dispatchTime.TotalSeconds:F2} " +
            $"dispatch_per_s={rate:F0} peak_mb={dispatchPeak / 1048576.0:F0} delivered={received.Count} distinct={distinct.Count} duplicates={duplicates} " +
            $"missing={missing} ok={ok} meets_target={target}"));
        Console.WriteLine(target ? $"PASS: all delivered once, within {targetTime.TotalSeconds:F0} s (10,000 in 60 s)"
            : ok ? $"MISS: all delivered once, but not within {targetTime.TotalSeconds:F0} s (10,000 in 60 s)" : "FAIL: delivery check failed");
        return ok ? 0 : 1;
    }

    private static async Task<Dictionary<OutboxStatus, int>> StatusCountsAsync(BenchSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningHubDbContext>();
        return await db.Set<OutboxMessage>().IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Category == Category)
            .GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);
    }

    private static string Describe(Dictionary<OutboxStatus, int> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"));

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MB");

    /// <summary>A mail of about the size of a booking confirmation (plain text ~0.7 KB, HTML ~1.5 KB).</summary>
    private static OutgoingMail Mail(int i)
    {
        var reference = $"NSCB-{i:D6}";
        var text = $"""
            Dear Bench Person {i},

            Your place is booked.

            Event: Case R roadshow: learning from a safeguarding practice review
            When: Thursday 3 December 2026, 9:30am to 11:30am
            Where: County Hall, Martineau Lane, Norwich NR1 2DH
            Booking reference: {reference}

            If you can no longer come, please cancel your place so that someone on the waiting list can have it:
            https://learning.example/norfolk/bookings/{reference}/cancel

            We will send you a reminder the day before.

            Norfolk Safeguarding Children Partnership
            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Your place is booked</title></head>
            <body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c;">
            <p>Dear Bench Person {i},</p>
            <h1 style="font-size: 24px;">Your place is booked</h1>
            <table role="presentation" style="border-collapse: collapse;">
            <tr><th style="text-align: left; padding: 4px 16px 4px 0;">Event</th><td>Case R roadshow: learning from a safeguarding practice review</td></tr>
            <tr><th style="text-align: left; padding: 4px 16px 4px 0;">When</th><td>Thursday 3 December 2026, 9:30am to 11:30am</td></tr>
            <tr><th style="text-align: left; padding: 4px 16px 4px 0;">Where</th><td>County Hall, Martineau Lane, Norwich NR1 2DH</td></tr>
            <tr><th style="text-align: left; padding: 4px 16px 4px 0;">Booking reference</th><td><strong>{reference}</strong></td></tr>
            </table>
            <p>If you can no longer come, please <a href="https://learning.example/norfolk/bookings/{reference}/cancel">cancel your place</a>
            so that someone on the waiting list can have it.</p>
            <p>We will send you a reminder the day before.</p>
            <p>Norfolk Safeguarding Children Partnership</p>
            </body></html>
            """;
        return new OutgoingMail($"person{i}@bench.example", $"Bench Person {i}", $"Booking confirmed: Case R roadshow ({reference})", text, html);
    }

    private sealed class Options
    {
        public const string Usage = """
            dotnet run -c Release --project bench/LearningHub.Bench.Outbox -- [options]

              --messages N        messages to queue and send (default 10000)
              --save-every N      SaveChanges after every N queued messages (default 500)
              --batch-size N      sets Notifications:BatchSize (app default 50)
              --poll-interval T   sets Notifications:PollInterval, e.g. 00:00:01 (app default 5 s)
              --set KEY=VALUE     any other app setting, e.g. --set Notifications:ClaimLease=00:10:00
              --deadline S        give up if not all sent S seconds after the dispatcher starts (default 900)
              --check-ms N        how often the benchmark counts Sent rows (default 200)
              --maildir           use aiosmtpd's Mailbox handler (a file per message) instead of the counting handler
              --keep              keep the data folder (SQLite database) afterwards
              --dispatchers K     experiment: K app instances on the same database, each with its dispatcher (default 1)
              --probe N           instead: time N of each piece of a dispatch (compose, SMTP send, SaveChanges)
            """;

        public int Messages { get; private set; } = 10_000;

        public int SaveEvery { get; private set; } = 500;

        public int DeadlineSeconds { get; private set; } = 900;

        public int CheckMilliseconds { get; private set; } = 200;

        public bool Maildir { get; private set; }

        public int Probe { get; private set; }

        public int Dispatchers { get; private set; } = 1;

        public bool Keep { get; private set; }

        public bool Help { get; private set; }

        public Dictionary<string, string?> AppSettings { get; } = [];

        public static Options Parse(string[] args)
        {
            var options = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                int Positive() => int.TryParse(Next(), CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new ArgumentException($"{args[i - 1]} needs a positive number");
                switch (args[i])
                {
                    case "--messages": options.Messages = Positive(); break;
                    case "--save-every": options.SaveEvery = Positive(); break;
                    case "--deadline": options.DeadlineSeconds = Positive(); break;
                    case "--check-ms": options.CheckMilliseconds = Positive(); break;
                    case "--batch-size": options.AppSettings["Notifications:BatchSize"] = Positive().ToString(CultureInfo.InvariantCulture); break;
                    case "--poll-interval": options.AppSettings["Notifications:PollInterval"] = Next(); break;
                    case "--set":
                        var pair = Next();
                        var eq = pair.IndexOf('=', StringComparison.Ordinal);
                        if (eq <= 0)
                        {
                            throw new ArgumentException("--set needs KEY=VALUE");
                        }

                        options.AppSettings[pair[..eq]] = pair[(eq + 1)..];
                        break;
                    case "--maildir": options.Maildir = true; break;
                    case "--keep": options.Keep = true; break;
                    case "--probe": options.Probe = Positive(); break;
                    case "--dispatchers": options.Dispatchers = Positive(); break;
                    case "-h" or "--help": options.Help = true; break;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }

            return options;
        }
    }
}
