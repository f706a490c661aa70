using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LearningHub.Bench.Outbox;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Privacy;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Bench.Scale;

// jobs: the background work of issue 22 (acceptance 2) on a database seed-scale filled: the retention job for the largest
// board, then 100,000 queued mails sent by the real dispatcher, each with a steady stream of bookings to the same board.
internal static class JobsCommand
{
    private const string Usage = """
        Usage: dotnet run --project bench/LearningHub.Bench.Scale -c Release -- jobs --connection "Host=...;Database=...;..." [options]
          --board SLUG          the board (default: the one with the most accounts)
          --in-flight N         bookings in flight at most (20)
          --rate N              bookings started a second (0: none waits, each of the in-flight starts its next at once)
          --baseline S          seconds of bookings measured without a job, before each job (20)
          --years N             the retention job runs with its clock N years ahead (6: every past event's bookings,
                                every named answer and every sent mail are then due, at the default periods)
          --mails N             mails queued for the outbox run (100,000)
          --only retention|outbox   one of the two runs (default both)
          --deadline S          give up on the outbox run after S seconds of dispatch (1,800)
        The database is changed: bookings are made, retention anonymises the board's old rows, mail is queued and sent
        (every board's mail settings are pointed at the benchmark's SMTP server on 127.0.0.1). Seed a new one to repeat.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        string? Option(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }

        int Number(string name, int fallback) => Option(name) is { } value ? int.Parse(value.Replace("_", "").Replace(",", ""), CultureInfo.InvariantCulture) : fallback;

        var connection = Option("--connection") ?? Environment.GetEnvironmentVariable("LEARNINGHUB_SCALE_DATABASE");
        if (string.IsNullOrWhiteSpace(connection))
        {
            Console.Error.WriteLine("Give the database with --connection (or LEARNINGHUB_SCALE_DATABASE).");
            return 2;
        }

        var options = new JobsOptions(
            Option("--board"), Number("--in-flight", 20), Number("--rate", 0), TimeSpan.FromSeconds(Number("--baseline", 20)), Number("--years", 6),
            Number("--mails", 100_000), Option("--only"), TimeSpan.FromSeconds(Number("--deadline", 1800)));
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        Console.WriteLine($"jobs benchmark: {Environment.ProcessorCount} CPUs, .NET {Environment.Version}, load average {LoadAverage()}");

        await using var smtp = await SmtpServer.StartAsync(maildir: false);
        BoardInfo board;
        List<Booker> bookers;
        List<Guid> events;
        await using (var site = new JobsHost(connection, dispatcher: false))
        {
            board = await LargestBoardAsync(site, options.Board);
            (bookers, events) = await BookingTargetsAsync(site, board);
            Console.WriteLine($"board {board.Slug}: {bookers.Count:N0} practitioners to book, {events.Count} upcoming events; {(options.Rate > 0 ? $"{options.Rate} bookings a second, " : "")}at most {options.InFlight} in flight");
            var stream = new BookingStream(site, board, bookers, events, options.InFlight, options.Rate);
            // Not measured: the first bookings pay for JIT and the connection pool.
            await stream.RunForAsync(TimeSpan.FromSeconds(5));

            if (options.Only is null or "retention")
            {
                await RetentionRunAsync(site, connection, board, stream, options);
            }

            if (options.Only is null or "outbox")
            {
                await QueueMailAsync(site, board, smtp, options.Mails);
                var baseline = await stream.RunForAsync(options.Baseline);
                Console.WriteLine($"bookings without the dispatcher: {baseline}");
            }
        }

        if (options.Only is null or "outbox")
        {
            return await OutboxRunAsync(connection, board, bookers, events, smtp, options);
        }

        return 0;
    }

    /// <summary>Bookings alone, then the board's retention job with bookings beside it: time, counts, memory, bookings' latency.</summary>
    private static async Task RetentionRunAsync(JobsHost site, string connection, BoardInfo board, BookingStream stream, JobsOptions options)
    {
        var baselineLocks = LockSampler.Start(connection);
        var baseline = await stream.RunForAsync(options.Baseline);
        Console.WriteLine($"bookings without the job: {baseline}");
        Console.WriteLine($"lock waits without the job: {await baselineLocks.StopAsync()}");

        using var stop = new CancellationTokenSource();
        var bookingsRunning = stream.RunUntilAsync(stop.Token);
        // The stream settles before the job starts, so "before" is the memory of an app that is booking.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var memory = MemorySampler.Start();
        var locks = LockSampler.Start(connection);
        var load = LoadAverage();
        var clock = new AheadClock(TimeSpan.FromDays(365.25 * options.Years));
        var startedAt = Stopwatch.GetTimestamp();
        var counts = await site.WithBoardAsync(board, services =>
            // The applier as DI makes it, but with a clock some years ahead, so the board's seeded rows are due; the
            // bookings beside it keep the real clock.
            ActivatorUtilities.CreateInstance<RetentionApplier>(services, clock).ApplyAsync(RetentionTrigger.Manual));
        var took = Stopwatch.GetElapsedTime(startedAt);
        var endedAt = Stopwatch.GetTimestamp();
        var (before, peak, heapPeak) = await memory.StopAsync();
        var lockWaits = await locks.StopAsync();
        await stop.CancelAsync();
        var all = await bookingsRunning;
        var during = all.Between(startedAt, endedAt);

        Console.WriteLine();
        Console.WriteLine($"retention for {board.Slug}, clock {options.Years} years ahead: {took.TotalSeconds:F2} s, " +
                          $"{counts!.Values.Sum():N0} rows changed ({string.Join(", ", counts.Select(c => $"{c.Key}={c.Value:N0}"))})");
        Console.WriteLine($"memory: working set {Mb(before)} before the job, peak {Mb(peak)} during it (sampled every 50 ms); GC heap peak {Mb(heapPeak)}");
        Console.WriteLine($"working set's peak in each 10 s, MB: {memory.Series()}");
        Console.WriteLine($"bookings during the job: {during}");
        Console.WriteLine($"lock waits during the job: {lockWaits}");
        Console.WriteLine($"load average at the job's start {load}, at its end {LoadAverage()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT retention board={board.Slug} seconds={took.TotalSeconds:F2} rows={counts.Values.Sum()} rss_before_mb={before / 1048576.0:F0} " +
            $"rss_peak_mb={peak / 1048576.0:F0} alone_p50_ms={baseline.P50:F0} alone_p95_ms={baseline.P95:F0} " +
            $"during_p50_ms={during.P50:F0} during_p95_ms={during.P95:F0} during_n={during.Count}"));
    }

    /// <summary>Points every board's mail at the SMTP server and queues the mails as the board, as the app's own MailQueue does.</summary>
    private static async Task QueueMailAsync(JobsHost site, BoardInfo board, SmtpServer smtp, int mails)
    {
        // Each board's settings as that board (the app refuses to save another board's rows).
        await using (var scope = site.Services.CreateAsyncScope())
        {
            foreach (var each in await scope.ServiceProvider.GetRequiredService<BoardDirectory>().ListAsync())
            {
                await site.WithBoardAsync(each, async services =>
                {
                    var db = services.GetRequiredService<LearningHubDbContext>();
                    smtp.Receive(await db.Set<BoardMailSettings>().SingleAsync());
                    return await db.SaveChangesAsync();
                });
            }
        }

        var watch = Stopwatch.StartNew();
        for (var first = 0; first < mails; first += 1000)
        {
            var last = Math.Min(mails, first + 1000);
            await site.WithBoardAsync(board, async services =>
            {
                var queue = services.GetRequiredService<MailQueue>();
                for (var i = first; i < last; i++)
                {
                    // keyIsNew: the keys are this run's own, so the duplicate lookup would only slow the queueing.
                    await queue.EnqueueAsync($"{Category}:{i}", Category, Mail(board, i), keyIsNew: true);
                }

                return await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
            });
        }

        Console.WriteLine();
        Console.WriteLine($"queued {mails:N0} mails for {board.Slug} in {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>A restart with the dispatcher on: it sends the queue while bookings go on; until every queued mail is sent.</summary>
    private static async Task<int> OutboxRunAsync(string connection, BoardInfo board, List<Booker> bookers, List<Guid> events, SmtpServer smtp, JobsOptions options)
    {
        // Aggressive: gives the stopped app's heap back to the system, so "before" is not the queueing app's leftovers.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var memory = MemorySampler.Start();
        var locks = LockSampler.Start(connection);
        var load = LoadAverage();
        await using var site = new JobsHost(connection, dispatcher: true);
        var started = Stopwatch.GetTimestamp();
        _ = site.Services;
        var stream = new BookingStream(site, board, bookers.AsEnumerable().Reverse().ToList(), events, options.InFlight, options.Rate);
        using var stop = new CancellationTokenSource();
        var bookingsRunning = stream.RunUntilAsync(stop.Token);
        var mails = options.Mails;
        int sent;
        var lastReport = Stopwatch.GetTimestamp();
        while (true)
        {
            var counts = await site.WithBoardAsync(board, async services =>
                await services.GetRequiredService<LearningHubDbContext>().Set<OutboxMessage>().AsNoTracking()
                    .Where(m => m.Category == Category).GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
                    .ToDictionaryAsync(g => g.Key, g => g.Count));
            sent = counts.GetValueOrDefault(OutboxStatus.Sent);
            if (sent + counts.GetValueOrDefault(OutboxStatus.Failed) >= mails)
            {
                break;
            }

            if (Stopwatch.GetElapsedTime(started) > options.Deadline)
            {
                Console.WriteLine($"FAIL: {sent:N0} of {mails:N0} sent after {options.Deadline.TotalSeconds:F0} s");
                break;
            }

            if (Stopwatch.GetElapsedTime(lastReport) > TimeSpan.FromSeconds(30))
            {
                lastReport = Stopwatch.GetTimestamp();
                Console.WriteLine($"  {Stopwatch.GetElapsedTime(started).TotalSeconds,6:F0} s: {sent:N0} sent, working set {Mb(MemorySampler.WorkingSet())}");
            }

            await Task.Delay(1000);
        }

        var took = Stopwatch.GetElapsedTime(started);
        var endedAt = Stopwatch.GetTimestamp();
        var (before, peak, heapPeak) = await memory.StopAsync();
        var lockWaits = await locks.StopAsync();
        await stop.CancelAsync();
        var during = (await bookingsRunning).Between(started, endedAt);
        var received = smtp.ReceivedMessageIds();
        var distinct = received.ToHashSet(StringComparer.OrdinalIgnoreCase).Count;

        Console.WriteLine();
        Console.WriteLine($"outbox: {sent:N0} of {mails:N0} sent in {took.TotalSeconds:F1} s = {sent / took.TotalSeconds:F0} mails/s " +
                          $"(from the dispatching app's start; all boards' other queued mail went too)");
        Console.WriteLine($"SMTP server received {received.Count:N0} messages, {distinct:N0} distinct Message-IDs ({received.Count - distinct} twice)");
        Console.WriteLine($"memory: working set {Mb(before)} before the dispatching app started, peak {Mb(peak)} while it sent; GC heap peak {Mb(heapPeak)}");
        Console.WriteLine($"working set's peak in each 10 s, MB: {memory.Series()}");
        Console.WriteLine($"bookings while it sent: {during}");
        Console.WriteLine($"lock waits while it sent: {lockWaits}");
        Console.WriteLine($"load average at the start {load}, at the end {LoadAverage()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT outbox mails={mails} sent={sent} seconds={took.TotalSeconds:F1} per_s={sent / took.TotalSeconds:F0} rss_before_mb={before / 1048576.0:F0} " +
            $"rss_peak_mb={peak / 1048576.0:F0} during_p50_ms={during.P50:F0} during_p95_ms={during.P95:F0} during_n={during.Count} duplicates={received.Count - distinct}"));
        return sent == mails && received.Count == distinct ? 0 : 1;
    }

    private const string Category = "bench-outbox";

    private static async Task<BoardInfo> LargestBoardAsync(JobsHost site, string? slug)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<BoardDirectory>();
        if (slug is not null)
        {
            return await directory.FindAsync(slug) ?? throw new ArgumentException($"no board {slug}");
        }

        var db = scope.ServiceProvider.GetRequiredService<LearningHubDbContext>();
        var largest = await db.Users.IgnoreQueryFilters().GroupBy(u => u.BoardId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        return (await directory.ListAsync()).Single(b => b.Id == largest);
    }

    /// <summary>The board's practitioners (confirmed accounts) and its events still open for booking.</summary>
    private static async Task<(List<Booker>, List<Guid>)> BookingTargetsAsync(JobsHost site, BoardInfo board) =>
        await site.WithBoardAsync(board, async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            var soon = DateTime.UtcNow.AddDays(2);
            var events = await db.Set<LearningEvent>().AsNoTracking()
                .Where(e => e.Status == EventStatus.Published && e.StartUtc > soon && !e.RequiresApproval)
                .OrderBy(e => e.StartUtc).Select(e => e.Id).ToListAsync();
            var people = await db.Users.AsNoTracking().Where(u => u.EmailConfirmed)
                .OrderBy(u => u.Id).Take(30_000).Select(u => new { u.Id, u.FullName, u.Email }).ToListAsync();
            var bookers = people.Select(p => new Booker(p.Id, p.FullName, p.Email!, null, null, null, null)).ToList();
            return (bookers, events);
        });

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[..3] is var l ? string.Join(" ", l) : "";

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MB");

    private static OutgoingMail Mail(BoardInfo board, int i) => new(
        $"person{i}@bench.example", $"Bench Person {i}", $"Booking confirmed ({board.ShortName}-{i:D6})",
        $"Dear Bench Person {i},\n\nYour place is booked.\n\nBooking reference: {board.ShortName}-{i:D6}\n\n{new string('.', 600)}\n",
        $"<p>Dear Bench Person {i},</p><h1>Your place is booked</h1><p>Booking reference: <strong>{board.ShortName}-{i:D6}</strong></p><p>{new string('.', 1300)}</p>");

    private sealed record JobsOptions(string? Board, int InFlight, int Rate, TimeSpan Baseline, int Years, int Mails, string? Only, TimeSpan Deadline);

    /// <summary>The real clock moved ahead by a fixed span: what the retention job would see that many years from now.</summary>
    private sealed class AheadClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
    }
}

/// <summary>
/// Bookings for one board through the app's own <see cref="BookingService"/> (a scope per booking, as a request has),
/// at most <c>inFlight</c> at a time, each a different person so none is a repeat; each booking's start and duration kept.
/// With a <c>rate</c>, bookings start on a schedule (a steady stream, leaving the machine's spare time to the job); without,
/// each worker starts its next booking as soon as its last ends (as much as the machine gives).
/// </summary>
internal sealed class BookingStream(JobsHost site, BoardInfo board, List<Booker> bookers, List<Guid> events, int inFlight, int rate)
{
    private int _next;

    public async Task<BookingFigures> RunForAsync(TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        return await RunUntilAsync(stop.Token);
    }

    public async Task<BookingFigures> RunUntilAsync(CancellationToken stop)
    {
        var results = new ConcurrentBag<(long Start, double Ms, string Outcome)>();
        var scheduled = 0;
        var began = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (rate > 0)
                {
                    // The k-th booking of this run starts k / rate seconds after the run began (or at once, if late).
                    var due = TimeSpan.FromSeconds(Interlocked.Increment(ref scheduled) / (double)rate) - Stopwatch.GetElapsedTime(began);
                    if (due > TimeSpan.Zero)
                    {
                        try
                        {
                            await Task.Delay(due, stop);
                        }
                        catch (OperationCanceledException)
                        {
                            break;
                        }
                    }
                }

                var n = Interlocked.Increment(ref _next);
                var booker = bookers[n % bookers.Count];
                var eventId = events[n % events.Count];
                var start = Stopwatch.GetTimestamp();
                string outcome;
                try
                {
                    var result = await site.WithBoardAsync(board, services =>
                        services.GetRequiredService<BookingService>().BookAsync(eventId, booker, null, null));
                    outcome = result.Outcome.ToString();
                }
                catch (EventBusyException)
                {
                    outcome = "Busy";
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    outcome = ex.GetType().Name;
                }

                results.Add((start, Stopwatch.GetElapsedTime(start).TotalMilliseconds, outcome));
            }
        })).ToList();
        await Task.WhenAll(workers);
        return new BookingFigures(results.ToList());
    }
}

/// <summary>Bookings' latencies: percentiles, and which of them started inside a window.</summary>
internal sealed class BookingFigures(List<(long Start, double Ms, string Outcome)> rows)
{
    public int Count => rows.Count;

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public BookingFigures Between(long from, long to) => new(rows.Where(r => r.Start >= from && r.Start <= to).ToList());

    private double Percentile(double p)
    {
        if (rows.Count == 0)
        {
            return double.NaN;
        }

        var sorted = rows.Select(r => r.Ms).Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    public override string ToString()
    {
        if (rows.Count == 0)
        {
            return "none";
        }

        var seconds = Stopwatch.GetElapsedTime(rows.Min(r => r.Start), rows.Max(r => r.Start)).TotalSeconds;
        var outcomes = string.Join(", ", rows.GroupBy(r => r.Outcome).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count} bookings ({rows.Count / Math.Max(seconds, 0.001):F0}/s; {outcomes}), p50 {P50:F0} ms, p95 {P95:F0} ms, max {rows.Max(r => r.Ms):F0} ms");
    }
}

/// <summary>The process's working set (VmRSS) and GC heap, sampled every 50 ms from when it starts: the first sample is "before".</summary>
internal sealed class MemorySampler
{
    private readonly CancellationTokenSource _stop = new();
    private readonly long _before = WorkingSet();
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<long> _tenSecondPeaks = [];
    private long _peak;
    private long _heapPeak;
    private Task? _sampling;

    public static MemorySampler Start()
    {
        var sampler = new MemorySampler();
        sampler._peak = sampler._before;
        sampler._sampling = Task.Run(sampler.SampleAsync);
        return sampler;
    }

    public static long WorkingSet() => ProcStat.StatusKb(Environment.ProcessId, "VmRSS:") * 1024;

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var now = WorkingSet();
            _peak = Math.Max(_peak, now);
            var bucket = (int)(Stopwatch.GetElapsedTime(_started).TotalSeconds / 10);
            lock (_tenSecondPeaks)
            {
                while (_tenSecondPeaks.Count <= bucket)
                {
                    _tenSecondPeaks.Add(0);
                }

                _tenSecondPeaks[bucket] = Math.Max(_tenSecondPeaks[bucket], now);
            }

            _heapPeak = Math.Max(_heapPeak, GC.GetGCMemoryInfo().HeapSizeBytes);
            try
            {
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }
    }

    /// <summary>The highest working set in each 10 seconds, in MB: flat memory is a flat row.</summary>
    public string Series()
    {
        lock (_tenSecondPeaks)
        {
            return string.Join(" ", _tenSecondPeaks.Select(b => (b / 1048576).ToString(CultureInfo.InvariantCulture)));
        }
    }

    public async Task<(long Before, long Peak, long HeapPeak)> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling!;
        return (_before, Math.Max(_peak, WorkingSet()), _heapPeak);
    }
}

/// <summary>
/// Who waits for a lock in the database, sampled every 100 ms from pg_stat_activity on a connection of its own: how many
/// samples found a session waiting for a lock, the most at once, and what the waiters were running and who blocked them.
/// Bookings wait for each other on an event's row (EventLock) with or without a job; what matters is whether the job blocks them.
/// </summary>
internal sealed class LockSampler
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _waits = new();
    private int _samples;
    private int _samplesWithWaiters;
    private int _mostAtOnce;
    private Task? _sampling;

    public static LockSampler Start(string connectionString)
    {
        var sampler = new LockSampler();
        sampler._sampling = Task.Run(() => sampler.SampleAsync(connectionString));
        return sampler;
    }

    private async Task SampleAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // A waiter's statement (its start) and the statement of the first session blocking it.
        const string sql = """
            SELECT left(regexp_replace(w.query, '\s+', ' ', 'g'), 70), coalesce(left(regexp_replace(b.query, '\s+', ' ', 'g'), 70), '?')
            FROM pg_stat_activity w
            LEFT JOIN pg_stat_activity b ON b.pid = (pg_blocking_pids(w.pid))[1]
            WHERE w.datname = current_database() AND w.wait_event_type = 'Lock'
            """;
        while (!_stop.IsCancellationRequested)
        {
            var found = 0;
            await using (var command = new Npgsql.NpgsqlCommand(sql, connection))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    found++;
                    _waits.AddOrUpdate($"{reader.GetString(0)}  <-  {reader.GetString(1)}", 1, (_, n) => n + 1);
                }
            }

            _samples++;
            _samplesWithWaiters += found > 0 ? 1 : 0;
            _mostAtOnce = Math.Max(_mostAtOnce, found);
            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }
    }

    public async Task<string> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling!;
        var top = string.Concat(_waits.OrderByDescending(w => w.Value).Take(4).Select(w => $"{Environment.NewLine}    {w.Value,5} x {w.Key}"));
        return $"{_samplesWithWaiters} of {_samples} samples found a session waiting for a lock, at most {_mostAtOnce} at once{top}";
    }
}
