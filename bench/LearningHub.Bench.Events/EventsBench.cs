using System.Diagnostics;
using System.Net;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using LearningHub.Bench;

namespace LearningHub.Bench.Events;

internal static class EventsBench
{
    public static async Task Main(string[] args)
    {
        // Usage: dotnet run -c Release -- [sqlite|postgres] [bookings=1000] [concurrency=50] [seconds=10]
        // postgres reads the server's connection string from LEARNINGHUB_TEST_POSTGRES and makes a throwaway database.
        var provider = args.ElementAtOrDefault(0) ?? "sqlite";
        var bookings = int.Parse(args.ElementAtOrDefault(1) ?? "1000");
        var concurrency = int.Parse(args.ElementAtOrDefault(2) ?? "50");
        var seconds = int.Parse(args.ElementAtOrDefault(3) ?? "10");
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.HttpsPolicy"] = "Error",
            // Mail is queued (that is part of a booking's transaction) but not sent: the benchmark is about booking.
            ["Notifications:DispatcherEnabled"] = "false",
        };

        await using var site = new BenchSite("events", provider, settings, maxPoolSize: 100);
        site.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        site.StartServer();
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"provider {provider}, {Environment.ProcessorCount} cores, site at {address}");

        if (provider == "sqlite-wal")
        {
            // The host now sets journal_mode=WAL itself after migrating (DatabasePreparation), so this variant
            // runs as "sqlite" does; it is kept so earlier runs' command lines still work.
            await site.WithBoardAsync("norfolk", async services =>
                await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(
                    services.GetRequiredService<LearningHub.Core.Data.LearningHubDbContext>().Database, "PRAGMA journal_mode=WAL;"));
        }

        // A board's list has a season of events: 30 published, one of them the contended session.
        var contended = await site.WithBoardAsync("norfolk", async services =>
        {
            var admin = services.GetRequiredService<EventAdmin>();
            LearningEvent? first = null;
            for (var i = 0; i < 30; i++)
            {
                var start = DateTime.UtcNow.Date.AddDays(7 + i).AddHours(9);
                var ev = await admin.CreateAsync(new EventDetails($"Bench session {i}", "Learning from Case Y.", EventFormat.InPerson, "County Hall", null, null, null,
                    start, start.AddHours(3), i == 0 ? 200 : 40, null, null, null, false, true, [], ["case-y"], false, null, null, null));
                await admin.PublishAsync(ev.Id);
                first ??= ev;
            }

            return first!.Id;
        });

        if (Environment.GetEnvironmentVariable("PROBE") == "1")
        {
            for (var round = 0; round < 3; round++)
            {
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < 200; i++)
                {
                    await site.WithBoardAsync("norfolk", async services =>
                        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                            services.GetRequiredService<LearningHub.Core.Data.LearningHubDbContext>().Set<LearningEvent>()));
                }

                Console.WriteLine($"probe: 200 scoped count queries {sw.Elapsed.TotalMilliseconds / 200:F2} ms each");
                sw.Restart();
                for (var i = 0; i < 200; i++)
                {
                    await site.WithBoardAsync("norfolk", async services =>
                        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(services.GetRequiredService<LearningHub.Core.Data.LearningHubDbContext>().Set<LearningEvent>())));
                }

                Console.WriteLine($"probe: 200 unfiltered count queries {sw.Elapsed.TotalMilliseconds / 200:F2} ms each");
                sw.Restart();
                await site.WithBoardAsync("norfolk", async services =>
                {
                    var db = services.GetRequiredService<LearningHub.Core.Data.LearningHubDbContext>();
                    for (var i = 0; i < 200; i++)
                    {
                        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<LearningEvent>());
                    }

                    return 0;
                });
                Console.WriteLine($"probe: 200 count queries on one context {sw.Elapsed.TotalMilliseconds / 200:F2} ms each");
                sw.Restart();
                for (var i = 0; i < 200; i++)
                {
                    await site.WithBoardAsync("norfolk", async services => await services.GetRequiredService<EventQueries>().UpcomingAsync(new EventFilter(null, null, null, null, null)));
                }

                Console.WriteLine($"probe: 200 upcoming lists {sw.Elapsed.TotalMilliseconds / 200:F2} ms each");
            }
        }

        // Warm-up, not measured: rounds of the same work as the measured run (a fresh 40-place session, 200
        // people, `concurrency` at a time: confirmations, then the waiting list) until the JIT has settled, so
        // the figures below are those of a site that has been running, not of its first minute. Settled means
        // a round compiled (almost) no new methods: .NET's tiered compilation keeps re-compiling hot methods
        // in the background for a while, and an earlier fixed warm-up of 2,000 bookings measured that instead
        // (a quarter of the CPU in the JIT's thread during the run).
        var rounds = 0;
        long compiledInRound;
        var warmUp = Stopwatch.StartNew();
        do
        {
            var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            // On the other board, so the measured session's board and its events list stay as they were.
            var session = await site.WithBoardAsync("essex", async services =>
            {
                var admin = services.GetRequiredService<EventAdmin>();
                var start = DateTime.UtcNow.Date.AddDays(60 + rounds).AddHours(9);
                var ev = await admin.CreateAsync(new EventDetails($"Warm-up session {rounds}", "Learning from Case Y.", EventFormat.InPerson, "County Hall", null, null, null,
                    start, start.AddHours(3), 40, null, null, null, false, true, [], [], false, null, null, null));
                await admin.PublishAsync(ev.Id);
                return ev.Id;
            });
            await BookAllAsync(site, "essex", session, 200, concurrency, $"warm-{rounds}");
            compiledInRound = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore;
            rounds++;
        }
        while ((rounds < 5 || compiledInRound > 10) && rounds < 60);

        Console.WriteLine($"warm-up: {rounds} rounds of 200 bookings in {warmUp.Elapsed.TotalSeconds:F0} s; the last compiled {compiledInRound} methods");

        // 1. Bookings under contention: `bookings` people, `concurrency` at a time, all for one 200-place session.
        var jitBefore = (Count: System.Runtime.JitInfo.GetCompiledMethodCount(), Time: System.Runtime.JitInfo.GetCompilationTime());
        var clock = Stopwatch.StartNew();
        var (latencies, outcomes, errors) = await BookAllAsync(site, "norfolk", contended, bookings, concurrency, "bench");
        clock.Stop();
        Console.WriteLine($"JIT during the run: {System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore.Count} methods, " +
                          $"{(System.Runtime.JitInfo.GetCompilationTime() - jitBefore.Time).TotalMilliseconds:F0} ms");
        foreach (var outcome in outcomes.Distinct())
        {
            var mine = latencies.Where((_, i) => outcomes[i] == outcome).Order().ToList();
            Console.WriteLine($"  {outcome}: {mine.Count}, median {mine[mine.Count / 2]:F1} ms");
        }

        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        var (confirmed, waiting) = await site.WithBoardAsync("norfolk", async services =>
        {
            var queries = services.GetRequiredService<EventQueries>();
            var summary = await queries.SummaryAsync(contended);
            return (summary!.Capacity - summary.PlacesLeft, summary.Waiting);
        });
        Console.WriteLine($"bookings: {bookings} at concurrency {concurrency} in {clock.Elapsed.TotalSeconds:F2} s = {bookings / clock.Elapsed.TotalSeconds:F0}/s; " +
                          $"p50 {Percentile(0.50):F1} ms, p95 {Percentile(0.95):F1} ms, p99 {Percentile(0.99):F1} ms, max {latencies[^1]:F1} ms; " +
                          $"{confirmed} confirmed, {waiting} waiting, {errors} errors");

        // 2. Requests per second, same app, same run: the events list page against a static file.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(address) };
        async Task<double> RequestsPerSecondAsync(string path)
        {
            using (var first = await http.GetAsync(path))
            {
                first.EnsureSuccessStatusCode();
                var body = await first.Content.ReadAsByteArrayAsync();
                Console.WriteLine($"GET {path}: {body.Length:N0} bytes");
            }

            // Warm-up, not counted: two seconds of the same load.
            var warmUntil = Stopwatch.GetTimestamp() + 2 * Stopwatch.Frequency;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                while (Stopwatch.GetTimestamp() < warmUntil)
                {
                    using var response = await http.GetAsync(path);
                    await response.Content.CopyToAsync(Stream.Null);
                }
            })));
            var count = 0;
            var failures = 0;
            var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
            var timer = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                while (Stopwatch.GetTimestamp() < until)
                {
                    using var response = await http.GetAsync(path);
                    await response.Content.CopyToAsync(Stream.Null);
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref count);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            })));
            var rate = count / timer.Elapsed.TotalSeconds;
            using (var last = await http.GetAsync(path))
            {
                Console.WriteLine($"GET {path}: served from the output cache: {last.Headers.Contains("Age")}");
            }

            Console.WriteLine($"GET {path}: {rate:F0} requests/s ({count} in {timer.Elapsed.TotalSeconds:F1} s, {failures} failures)");
            return rate;
        }

        var staticRate = await RequestsPerSecondAsync("/_content/LearningHub.Theme.Base/favicon.svg");
        var listRate = await RequestsPerSecondAsync("/norfolk/events");
        Console.WriteLine($"events list / static file = {listRate / staticRate:P0} (target at least 25%)");
    }

    /// <summary>`count` different people book one session, `concurrency` at a time; each booking's latency and outcome.</summary>
    private static async Task<(double[] Latencies, BookingOutcome[] Outcomes, int Errors)> BookAllAsync(BenchSite site, string board, Guid eventId, int count, int concurrency, string people)
    {
        var latencies = new double[count];
        var outcomes = new BookingOutcome[count];
        var errors = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    outcomes[n] = (await site.WithBoardAsync(board, services => services.GetRequiredService<BookingService>().BookAsync(eventId,
                        new Booker($"{people}-{n}", $"Person {n}", $"{people}{n}@school.example", "Schools and colleges", Sector.Education, "Teacher", "Norwich"), null, null))).Outcome;
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref errors);
                    Console.Error.WriteLine(e.Message);
                }

                latencies[n] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        return (latencies, outcomes, errors);
    }
}
