using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using LearningHub.Core;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Hosting;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LearningHub.Bench.Burst;

/// <summary>
/// The first rush of bookings right after a start, and bookings at 50 in flight once warm, measured from
/// the client over real HTTP against the published app started as its own process (see bench/README.md).
/// </summary>
internal static partial class BurstBench
{
    private const string Board = "norfolk";
    private const string Password = "Burst-Bench-Password-1";

    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var work = Directory.CreateTempSubdirectory("lh-burst.").FullName;
        try
        {
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; load average before: {LoadAverage()}");
            var template = Path.Combine(work, "template");
            Console.WriteLine($"Preparing a data folder: {options.People} people, 1 burst event and {options.WarmEvents + options.MeasuredEvents} more, sign-ins ...");
            var prepared = await PrepareAsync(template, options);
            Console.WriteLine($"Prepared in {prepared.Took.TotalSeconds:F0} s");

            var results = options.Apps.ToDictionary(a => a, _ => new List<RunResult>());
            for (var round = 0; round < options.Rounds; round++)
            {
                // Interleaved, and the order alternates, so drift in the machine's load hits every app alike.
                var order = round % 2 == 0 ? options.Apps : options.Apps.AsEnumerable().Reverse().ToList();
                foreach (var app in order)
                {
                    var data = Path.Combine(work, $"run-{round}-{app.Label}");
                    CopyFolder(template, data);
                    var result = await RunOnceAsync(app, data, prepared, options);
                    results[app].Add(result);
                    Console.WriteLine($"round {round + 1} {app}: {result}");
                    if (options.Timeline)
                    {
                        Console.WriteLine($"  burst timeline (per 100 ms of completions: posts/slowest ms): {result.Burst.Timeline}; " +
                                          $"posted at {result.Burst.StartedUnixMs} (Unix ms, to cut a `perf record -k CLOCK_REALTIME` by)");
                        Console.WriteLine($"  warm timeline (per 100 ms of completions: posts/slowest ms): {result.Warm.Timeline}");
                    }
                    if (!options.Keep)
                    {
                        Directory.Delete(data, recursive: true);
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine("Summary (medians over rounds; targets: burst p95 < 1000 ms, warm p95 < 150 ms, never overbooked; early is reported, not a target)");
            foreach (var (app, runs) in results)
            {
                Console.WriteLine($"{app}: ready {Median(runs.Select(r => r.ReadyMs)):F0} ms, burst p95 {Median(runs.Select(r => r.Burst.P95)):F0} ms " +
                                  $"(runs {string.Join(", ", runs.Select(r => r.Burst.P95.ToString("F0")))}), " +
                                  $"burst max {Median(runs.Select(r => r.Burst.Max)):F0} ms, " +
                                  $"early p95 {Median(runs.Select(r => r.Early.P95)):F0} ms (runs {string.Join(", ", runs.Select(r => r.Early.P95.ToString("F0")))}), " +
                                  $"settled after {Median(runs.Select(r => r.Settling.EndedAfterLaunchSeconds)):F0} s{(runs.All(r => r.Settling.Settled) ? "" : " (NOT in every run)")}, " +
                                  $"warm p95 {Median(runs.Select(r => r.Warm.P95)):F0} ms (runs {string.Join(", ", runs.Select(r => r.Warm.P95.ToString("F0")))}), " +
                                  $"overbooked events {runs.Sum(r => r.Overbooked)}, failures {runs.Sum(r => r.Burst.Failures + r.Early.Failures + r.Warm.Failures)}");
            }

            return results.Values.SelectMany(r => r).Any(r => r.Overbooked > 0 || r.Burst.Failures > 0 || r.Early.Failures > 0 || r.Warm.Failures > 0) ? 1 : 0;
        }
        finally
        {
            if (!options.Keep)
            {
                Directory.Delete(work, recursive: true);
            }
            else
            {
                Console.WriteLine($"Kept {work}");
            }
        }
    }

    /// <summary>A publish to start, with any extra environment (e.g. a runtime setting to try).</summary>
    private sealed record App(string Label, string Folder, IReadOnlyList<string> Environment)
    {
        public override string ToString() => $"{Label} ({Folder}{(Environment.Count > 0 ? " " + string.Join(" ", Environment) : "")})";
    }

    // ---- Preparing: the app's own services, in this process, over the template data folder. ----

    private sealed record Person(string Email, CookieContainer Cookies, string FormToken);

    private sealed record Prepared(Guid BurstEvent, IReadOnlyList<Guid> WarmEvents, IReadOnlyList<Guid> EarlyEvents, IReadOnlyList<Guid> SettlingEvents,
        IReadOnlyList<Guid> MeasuredEvents, IReadOnlyList<Person> People, TimeSpan Took);

    private static async Task<Prepared> PrepareAsync(string dataPath, BenchOptions options)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(dataPath);
        Guid burst;
        List<Guid> warm = [], early = [], settling = [], measured = [];
        List<Person> people = [];
        await using (var site = new PreparingSite(dataPath))
        {
            site.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            site.StartServer();
            var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

            (burst, warm, early, settling, measured) = await site.WithBoardAsync(async services =>
            {
                var admin = services.GetRequiredService<EventAdmin>();
                async Task<Guid> EventAsync(string title, int day)
                {
                    var start = DateTime.UtcNow.Date.AddDays(day).AddHours(9);
                    var ev = await admin.CreateAsync(new EventDetails(title, "Learning from Case Y.", EventFormat.InPerson, "County Hall", null, null, null,
                        start, start.AddHours(3), options.Capacity, null, null, null, false, true, [], [], false, null, null, null));
                    await admin.PublishAsync(ev.Id);
                    return ev.Id;
                }

                var burstEvent = await EventAsync("Burst session", 7);
                var warmEvents = new List<Guid>();
                for (var i = 0; i < options.WarmEvents; i++)
                {
                    warmEvents.Add(await EventAsync($"Warm-up session {i}", 8 + i));
                }

                var earlyEvents = new List<Guid>();
                for (var i = 0; i < options.MeasuredEvents; i++)
                {
                    earlyEvents.Add(await EventAsync($"Early session {i}", 30 + i));
                }

                var settlingEvents = new List<Guid>();
                for (var i = 0; i < options.MaxSettlingEvents; i++)
                {
                    settlingEvents.Add(await EventAsync($"Settling session {i}", 100 + i));
                }

                var measuredEvents = new List<Guid>();
                for (var i = 0; i < options.MeasuredEvents; i++)
                {
                    measuredEvents.Add(await EventAsync($"Measured session {i}", 40 + i));
                }

                // Practitioners with complete profiles, sharing one password hash (hashing is deliberately slow).
                var db = services.GetRequiredService<LearningHubDbContext>();
                var users = services.GetRequiredService<UserManager<ApplicationUser>>();
                var hasher = services.GetRequiredService<IPasswordHasher<ApplicationUser>>();
                var agency = await db.Agencies.OrderBy(a => a.SortOrder).Select(a => (Guid?)a.Id).FirstAsync();
                var locality = await db.Localities.OrderBy(l => l.SortOrder).Select(l => (Guid?)l.Id).FirstAsync();
                string? hash = null;
                for (var i = 0; i < options.People; i++)
                {
                    var email = $"burst{i}@school.example";
                    var user = new ApplicationUser
                    {
                        UserName = email, Email = email, EmailConfirmed = true, FullName = $"Person {i}", JobRole = "Teacher",
                        AgencyId = agency, LocalityId = locality, CreatedUtc = DateTime.UtcNow,
                    };
                    user.PasswordHash = hash ??= hasher.HashPassword(user, Password);
                    Check(await users.CreateAsync(user), email);
                    Check(await users.AddToRoleAsync(user, BoardRoles.Practitioner), email);
                }

                return (burstEvent, warmEvents, earlyEvents, settlingEvents, measuredEvents);
            });

            // Each person signs in through the form and opens the burst event's Confirm page, as a browser
            // would; the cookies and the form's token are kept for the measured runs. The key ring is in the
            // database (application name fixed), so they hold for the published app on a copy of this folder.
            var next = -1;
            var signedIn = new Person[options.People];
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                int n;
                while ((n = Interlocked.Increment(ref next)) < options.People)
                {
                    var email = $"burst{n}@school.example";
                    var cookies = new CookieContainer();
                    using var http = Client(address, cookies);
                    var signInToken = FormToken(await http.GetStringAsync($"/{Board}/account/sign-in"));
                    using var signIn = await http.PostAsync($"/{Board}/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["Input.Email"] = email, ["Input.Password"] = Password, ["__RequestVerificationToken"] = signInToken,
                    }));
                    if (signIn.StatusCode != HttpStatusCode.Redirect)
                    {
                        throw new InvalidOperationException($"signing in {email} answered {(int)signIn.StatusCode}");
                    }

                    using var check = await http.GetAsync($"/{Board}/events/{burst}/book/check");
                    if (check.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"the Confirm page answered {(int)check.StatusCode} for {email}");
                    }

                    signedIn[n] = new Person(email, cookies, FormToken(await check.Content.ReadAsStringAsync()));
                }
            })));
            people = [.. signedIn];
        }

        SqliteConnection.ClearAllPools();
        return new Prepared(burst, warm, early, settling, measured, people, clock.Elapsed);
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private static string FormToken(string html) =>
        TokenField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("no form token on the page");

    private static HttpClient Client(string address, CookieContainer cookies) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(address),
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>The real app in Production over a data folder that is kept (the template for every run).</summary>
    private sealed class PreparingSite : WebApplicationFactory<Program>
    {
        private readonly string dataPath;

        public PreparingSite(string dataPath)
        {
            // WebApplicationFactory finds the web project's content root through MvcTestingAppManifest.json
            // in the current directory, which the build puts beside the benchmark.
            Directory.SetCurrentDirectory(AppContext.BaseDirectory);
            this.dataPath = dataPath;
        }

        /// <summary>The host listens before the database is ready; the benchmark uses it directly, so it waits (SiteReadiness).</summary>
        protected override IHost CreateHost(IHostBuilder builder) => SiteReadiness.WhenReady(base.CreateHost(builder), TimeSpan.FromMinutes(5));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseStaticWebAssets();
            builder.UseSetting("LearningHub:DataPath", dataPath);
            builder.UseSetting("LearningHub:SeedDemoUsers", "false");
            builder.UseSetting("LearningHub:PublicBaseUrl", "http://127.0.0.1");
            builder.UseSetting("LearningHub:AccountRequestsPerMinute", "100000");
            builder.UseSetting("Notifications:DispatcherEnabled", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }

        public async Task<T> WithBoardAsync<T>(Func<IServiceProvider, Task<T>> action)
        {
            await using var scope = Services.CreateAsyncScope();
            var board = await scope.ServiceProvider.GetRequiredService<BoardDirectory>().FindAsync(Board) ?? throw new InvalidOperationException(Board);
            scope.ServiceProvider.GetRequiredService<BoardContext>().Use(board);
            return await action(scope.ServiceProvider);
        }
    }

    // ---- One measured run: start the published app on a copy of the template, burst, warm, check. ----

    private sealed record Latencies(double P50, double P95, double Max, int Count, int Failures, string Statuses, string Timeline, long StartedUnixMs)
    {
        public override string ToString() => $"p50 {P50:F0} ms, p95 {P95:F0} ms, max {Max:F0} ms ({Count} posts; {Statuses}{(Failures > 0 ? $"; {Failures} FAILED" : "")})";
    }

    private sealed record RunResult(double ReadyMs, Latencies Burst, Latencies Early, Settling Settling, Latencies Warm, int Overbooked, string Places)
    {
        public override string ToString() =>
            $"ready after {ReadyMs:F0} ms; burst of {Burst.Count}: {Burst}; early, 50 in flight: {Early}; {Settling}; " +
            $"warm, 50 in flight: {Warm}; {Places}{(Overbooked > 0 ? $"; OVERBOOKED {Overbooked} events" : "")}";
    }

    /// <summary>How the settling went: events booked, when it ended after the launch, and the JIT thread's CPU meanwhile.</summary>
    private sealed record Settling(int Events, double EndedAfterLaunchSeconds, double TieredCompilationCpuMs, bool Settled)
    {
        public override string ToString() =>
            $"{(Settled ? "settled" : "NOT settled")} after {Events} more events, {EndedAfterLaunchSeconds:F0} s after the launch " +
            $"(the tiered JIT's thread used {TieredCompilationCpuMs:F0} ms of CPU meanwhile)";
    }

    /// <summary>
    /// Books the settling events, 50 in flight, one at a time, until two events in a row saw the app's tiered-compilation
    /// thread (".NET Tiered Com", the runtime's background JIT) use at most 10 ms of CPU, or the events run out.
    /// </summary>
    private static async Task<Settling> SettleAsync(int pid, Stopwatch launched, HttpClient[] clients, Prepared prepared, BenchOptions options)
    {
        var last = TieredCompilationCpu(pid);
        var quietInARow = 0;
        var events = 0;
        var total = 0.0;
        while (quietInARow < 2 && events < prepared.SettlingEvents.Count)
        {
            await PostAllAsync(clients, prepared.People, [prepared.SettlingEvents[events++]], options.Concurrency);
            var now = TieredCompilationCpu(pid);
            // Per thread: the runtime ends the thread when it has been idle a while and starts another when needed.
            var used = now.Sum(t => t.Value - last.GetValueOrDefault(t.Key));
            total += used;
            quietInARow = used <= 10 ? quietInARow + 1 : 0;
            last = now;
        }

        return new Settling(events, launched.Elapsed.TotalSeconds, total, quietInARow >= 2);
    }

    /// <summary>CPU milliseconds (user and system) of each of the process's tiered-compilation threads, by thread id, from /proc.</summary>
    private static Dictionary<int, double> TieredCompilationCpu(int pid)
    {
        var cpu = new Dictionary<int, double>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields after the command's closing parenthesis: state is the first, utime the 12th, stime the 13th (clock ticks).
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                cpu[int.Parse(Path.GetFileName(task))] = (long.Parse(fields[11]) + long.Parse(fields[12])) * 1000.0 / ClockTicksPerSecond;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The thread ended between listing and reading.
            }
        }

        return cpu;
    }

    /// <summary>USER_HZ: 100 on every Linux this runs on (the kernel's ABI for /proc times).</summary>
    private const double ClockTicksPerSecond = 100;

    private static async Task<RunResult> RunOnceAsync(App app, string dataPath, Prepared prepared, BenchOptions options)
    {
        var publish = app.Folder;
        var port = options.Port;
        var address = $"http://127.0.0.1:{port}";
        var log = Path.Combine(dataPath, "app.log");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(publish, "LearningHub.Web.dll"), "--urls", address])
        {
            WorkingDirectory = publish,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["LearningHub__DataPath"] = dataPath,
                ["LearningHub__SeedDemoUsers"] = "false",
                ["LearningHub__PublicBaseUrl"] = address,
            },
        };
        foreach (var setting in app.Environment)
        {
            var equals = setting.IndexOf('=');
            start.Environment[setting[..equals]] = setting[(equals + 1)..];
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
        await using var logFile = new StreamWriter(log);
        var lines = new object();
        process.OutputDataReceived += (_, e) => { lock (lines) { logFile.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (lines) { logFile.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Ready as the cold-start bench counts it: the board home answers 200 (polled every 20 ms, 60 s deadline).
            var launched = Stopwatch.StartNew();
            using (var probe = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(5) })
            {
                while (true)
                {
                    try
                    {
                        using var response = await probe.GetAsync($"/{Board}");
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            break;
                        }
                    }
                    catch (HttpRequestException)
                    {
                    }

                    if (process.HasExited || launched.Elapsed > TimeSpan.FromSeconds(60))
                    {
                        throw new InvalidOperationException($"the app did not answer 200 within 60 s; its log is {log}");
                    }

                    await Task.Delay(20);
                }
            }

            var readyMs = launched.Elapsed.TotalMilliseconds;

            // Everyone's browser, each with its own connections (made on the first post: after a restart no
            // browser holds one to the new process).
            var clients = prepared.People.Select(p => Client(address, p.Cookies)).ToArray();
            try
            {
                // 1. The burst: every person presses Confirm booking on the same event at once.
                var burst = await PostAllAsync(clients, prepared.People, [prepared.BurstEvent], concurrency: clients.Length);

                // 2. The same work on other events, 50 in flight: a fixed warm-up, not measured, then the early
                // events, measured: seconds after the start, while the tiered JIT is still recompiling the hot path
                // (what this bench called warm before session 22).
                for (var i = 0; i < prepared.WarmEvents.Count; i++)
                {
                    await PostAllAsync(clients, prepared.People, [prepared.WarmEvents[i]], options.Concurrency);
                }

                var early = await PostAllAsync(clients, prepared.People, prepared.EarlyEvents, options.Concurrency);

                // 3. More of the same, not measured, until the app's tiered compilation has gone quiet: for a site
                // that has been up a while. A JIT listing of one run counted about 10,000 recompilations of hot
                // ReadyToRun code (instrumented, then optimised with the profile) in the first 25 s of this traffic,
                // and perf put a fifth of the CPU in the JIT's thread 20 s after the start (bench/README.md, "Session 22").
                var settling = await SettleAsync(process.Id, launched, clients, prepared, options);

                // 4. Warm: the measured events.
                var warm = await PostAllAsync(clients, prepared.People, prepared.MeasuredEvents, options.Concurrency);
                var (overbooked, places) = await CountPlacesAsync(dataPath);
                return new RunResult(readyMs, burst, early, settling, warm, overbooked, places);
            }
            finally
            {
                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>Each person posts the Confirm booking form of each event, <paramref name="concurrency"/> at a time; latencies from the client.</summary>
    private static async Task<Latencies> PostAllAsync(HttpClient[] clients, IReadOnlyList<Person> people, IReadOnlyList<Guid> events, int concurrency)
    {
        var work = events.SelectMany(e => Enumerable.Range(0, people.Count).Select(p => (Event: e, Person: p))).ToArray();
        var latencies = new double[work.Length];
        var ended = new double[work.Length];
        var statuses = new int[work.Length];
        var startedUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var phase = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(concurrency, work.Length)).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < work.Length)
            {
                var (eventId, person) = work[n];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await clients[person].PostAsync($"/{Board}/events/{eventId}/book/check",
                        new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = people[person].FormToken }));
                    await response.Content.CopyToAsync(Stream.Null);
                    statuses[n] = (int)response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    statuses[n] = -1;
                }

                latencies[n] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                ended[n] = phase.Elapsed.TotalMilliseconds;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        // Where the slow posts fall in the phase (--timeline): per 100 ms of completions, how many and the slowest,
        // so one stall that holds every post in flight shows apart from a spread of slow ones.
        var timeline = string.Join(" ", Enumerable.Range(0, work.Length).GroupBy(i => (int)(ended[i] / 100)).OrderBy(g => g.Key)
            .Select(g => $"{g.Key / 10.0:F1}s:{g.Count()}/{g.Max(i => latencies[i]):F0}"));
        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        // A booking (confirmed or waiting list) answers 302 to the booking's page; anything else is a failure here.
        var failures = statuses.Count(s => s != (int)HttpStatusCode.Redirect);
        var counts = string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()}× {(g.Key < 0 ? "no answer" : g.Key.ToString())}"));
        return new Latencies(Percentile(0.50), Percentile(0.95), latencies[^1], work.Length, failures, counts, timeline, startedUnixMs);
    }

    /// <summary>Places taken per event straight from the database: never more than the capacity.</summary>
    private static async Task<(int Overbooked, string Places)> CountPlacesAsync(string dataPath)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "learninghub.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.Capacity,
                   (SELECT COUNT(*) FROM Bookings b WHERE b.EventId = e.Id AND b.Status IN ('Confirmed', 'PendingApproval', 'Offered')),
                   (SELECT COUNT(*) FROM Bookings b WHERE b.EventId = e.Id AND b.Status = 'Waitlisted')
            FROM Events e WHERE e.Title = 'Burst session' OR e.Title LIKE 'Measured session %' OR e.Title LIKE 'Warm-up session %'
                OR e.Title LIKE 'Early session %' OR (e.Title LIKE 'Settling session %' AND EXISTS (SELECT 1 FROM Bookings b WHERE b.EventId = e.Id))
            """;
        var overbooked = 0;
        var taken = 0;
        var waiting = 0;
        var events = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events++;
            taken += reader.GetInt32(1);
            waiting += reader.GetInt32(2);
            if (reader.GetInt32(1) > reader.GetInt32(0))
            {
                overbooked++;
            }
        }

        return (overbooked, $"{events} events: {taken} places taken, {waiting} waiting");
    }

    // ---- Helpers ----

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed record BenchOptions(IReadOnlyList<App> Apps, int Rounds, int People, int Capacity, int Concurrency, int WarmEvents, int MeasuredEvents,
        int MaxSettlingEvents, int Port, bool Keep, bool Timeline)
    {
        public static BenchOptions Parse(string[] args)
        {
            string? publish = null, compare = null;
            List<string> env = [], compareEnv = [];
            int rounds = 3, people = 200, capacity = 150, concurrency = 50, warmEvents = 6, measuredEvents = 3, maxSettlingEvents = 80, port = 5189;
            var keep = false;
            var timeline = false;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--publish": publish = Path.GetFullPath(args[++i]); break;
                    case "--compare": compare = Path.GetFullPath(args[++i]); break;
                    case "--env": env.Add(args[++i]); break;
                    case "--compare-env": compareEnv.Add(args[++i]); break;
                    case "--rounds": rounds = int.Parse(args[++i]); break;
                    case "--people": people = int.Parse(args[++i]); break;
                    case "--capacity": capacity = int.Parse(args[++i]); break;
                    case "--concurrency": concurrency = int.Parse(args[++i]); break;
                    case "--warm-events": warmEvents = int.Parse(args[++i]); break;
                    case "--measured-events": measuredEvents = int.Parse(args[++i]); break;
                    case "--max-settling-events": maxSettlingEvents = int.Parse(args[++i]); break;
                    case "--port": port = int.Parse(args[++i]); break;
                    case "--keep": keep = true; break;
                    case "--timeline": timeline = true; break;
                    default: throw new ArgumentException($"unknown argument {args[i]}");
                }
            }

            if (publish is null)
            {
                throw new ArgumentException("--publish DIR (a publish of LearningHub.Web) is required; --compare DIR optional");
            }

            // --compare-env alone compares the same publish with and without those settings.
            List<App> apps = [new("this", publish, env)];
            if (compare is not null || compareEnv.Count > 0)
            {
                apps.Add(new("other", compare ?? publish, compareEnv));
            }

            if (apps.Any(a => !File.Exists(Path.Combine(a.Folder, "LearningHub.Web.dll"))) || env.Concat(compareEnv).Any(e => !e.Contains('=')))
            {
                throw new ArgumentException("no LearningHub.Web.dll in a publish folder, or an --env setting without '='");
            }

            return new BenchOptions(apps, rounds, people, capacity, concurrency, warmEvents, measuredEvents, maxSettlingEvents, port, keep, timeline);
        }
    }
}
