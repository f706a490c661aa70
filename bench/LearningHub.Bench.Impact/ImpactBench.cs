using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Time;
using LearningHub.Impact.Services;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Bench.Impact;

/// <summary>
/// Issue 18, acceptance 5: the annual-report pack (<c>/norfolk/impact</c>, a board admin) and an agency lead's page
/// (<c>/norfolk/impact/agency</c>) for one board with 10,000 practitioners, 100,000 bookings and 50,000 evaluation
/// answers, under 500 ms server time on SQLite and PostgreSQL. Whole page requests through the real app (in-process
/// test server, signed in through the sign-in form), warm, median and p95 of N runs.
/// </summary>
internal static partial class ImpactBench
{
    private const string Usage = """
        Usage: dotnet run -c Release -- [sqlite|postgres] [options]
          --practitioners N   accounts on the board (10000)
          --bookings N        bookings, most of them with the register marked (100000)
          --answers N         evaluation answers before / after / follow-up (50000)
          --completions N     case module progress rows, seven in eight completed (20000)
          --events N          events the bookings are spread over (500)
          --runs N            measured requests per page (20)
          --warm-up N         requests per page before measuring (5)
          --sql               log every SQL command with its time
          --keep-db           (SQLite) copy the seeded database to $TMPDIR/learninghub-bench-impact.db
        postgres reads the server's connection string from LEARNINGHUB_TEST_POSTGRES and makes a throwaway database.
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var provider = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "sqlite";
        int Option(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
        }

        var size = new SeedSize(Option("--practitioners", 10_000), Option("--bookings", 100_000), Option("--answers", 50_000),
            Option("--completions", 20_000), Option("--events", 500));
        var runs = Option("--runs", 20);
        var warmUp = Option("--warm-up", 5);
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.HttpsPolicy"] = "Error",
            ["Notifications:DispatcherEnabled"] = "false",
            ["Events:WaitlistJobEnabled"] = "false",
            ["Retention:JobEnabled"] = "false",
        };
        if (args.Contains("--sql"))
        {
            // Every command EF Core runs, with its time ("Executed DbCommand (12ms)"): where a page's time goes.
            settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        }

        await using var app = new BenchApp(provider, settings);
        Console.WriteLine($"provider {provider}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine(await ImpactSeed.SeedAsync(app, size));
        await app.WithBoardAsync("norfolk", async services =>
        {
            // admin@norfolk.demo (board admin) and lead@norfolk.demo (agency lead of the board's first agency).
            var board = await services.GetRequiredService<BoardDirectory>().FindAsync("norfolk");
            await services.GetRequiredService<DemoUsers>().EnsureAsync(board!);
            return 0;
        });

        if (args.Contains("--keep-db") && provider != "postgres")
        {
            // A copy of the seeded SQLite database, to look at query plans with the sqlite3 shell.
            var copy = Path.Combine(Path.GetTempPath(), "learninghub-bench-impact.db");
            await app.WithBoardAsync("norfolk", async services =>
            {
                var db = services.GetRequiredService<LearningHubDbContext>();
                await db.Database.ExecuteSqlAsync($"VACUUM INTO {copy}");
                return 0;
            });
            Console.WriteLine($"database copied to {copy}");
        }

        var admin = await SignedInAsync(app.Factory, "admin@norfolk.demo");
        var lead = await SignedInAsync(app.Factory, "lead@norfolk.demo");
        var pages = new (string Name, HttpClient Client, string Url)[]
        {
            ("annual-report pack, board admin", admin, "/norfolk/impact"),
            ("agency lead's page", lead, "/norfolk/impact/agency"),
        };

        foreach (var (name, client, url) in pages)
        {
            var (_, _, html) = await GetAsync(app, client, url);
            var reached = ReachTotal().Match(html);
            Console.WriteLine($"GET {url} ({name}): {html.Length:N0} characters; \"{(reached.Success ? reached.Groups[1].Value : "no reach figure")}\"");
        }

        for (var i = 0; i < warmUp; i++)
        {
            foreach (var (_, client, url) in pages)
            {
                await GetAsync(app, client, url);
            }
        }

        // Interleaved, so drift on a shared machine hits every page alike.
        var server = pages.ToDictionary(p => p.Url, _ => new List<double>());
        var roundTrip = pages.ToDictionary(p => p.Url, _ => new List<double>());
        for (var i = 0; i < runs; i++)
        {
            foreach (var (_, http, url) in pages)
            {
                var (serverMs, clientMs, _) = await GetAsync(app, http, url);
                server[url].Add(serverMs);
                roundTrip[url].Add(clientMs);
            }
        }

        Console.WriteLine($"load average after the runs {LoadAverage()}");
        Console.WriteLine($"| page | server median | server p95 | min | max | client median | runs |");
        Console.WriteLine($"| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, _, url) in pages)
        {
            var times = server[url].Order().ToList();
            Console.WriteLine($"| {name} (`{url}`) | {Percentile(times, 0.5):F0} ms | {Percentile(times, 0.95):F0} ms | {times[0]:F0} ms | {times[^1]:F0} ms | " +
                              $"{Percentile(roundTrip[url].Order().ToList(), 0.5):F0} ms | {times.Count} |");
        }

        return 0;
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task<(double ServerMs, double ClientMs, string Html)> GetAsync(BenchApp app, HttpClient client, string url)
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(ServerTimes.Header, id);
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var clientMs = clock.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}\n{html[..Math.Min(2000, html.Length)]}");
        }

        // The timing middleware records after the app's pipeline returns, which is before the test server ends the body.
        if (!app.Times.Milliseconds.TryRemove(id, out var serverMs))
        {
            throw new InvalidOperationException($"GET {url}: no server time recorded");
        }

        return (serverMs, clientMs, html);
    }

    /// <summary>A client signed in through the sign-in form (its antiforgery token, the password checked), with its cookies.</summary>
    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> factory, string email)
    {
        // https, as behind the deployment's proxy: the sign-in cookie is Secure.
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://127.0.0.1") });
        var form = await client.GetStringAsync("/norfolk/account/sign-in");
        var token = Token().Match(form) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No form token on the sign-in page");
        using var response = await client.PostAsync("/norfolk/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Learning-Hub-Demo-1",
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign in as {email}: {(int)response.StatusCode}");
        }

        return client;
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]*)""")]
    private static partial Regex Token();

    [GeneratedRegex("""id="section-reach"[\s\S]*?<p class="govuk-body">([^<]*)</p>""")]
    private static partial Regex ReachTotal();
}
