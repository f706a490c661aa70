using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using LearningHub.Core.Hosting;
using LearningHub.Recipes.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Server time of the case module pages with 200 published modules in one board.
//
// The real app (LearningHub.Web's Program, Production environment, SQLite in a fresh data folder) is hosted in
// this process on the in-memory TestServer, so a request's time is the server's own work: routing, board
// resolution, authorisation, the queries and rendering, with no network in between. 200 realistic modules
// (8 sections of about 2,000 characters, chronology, findings, 8 recommendations, themes and topics) are put
// into Norfolk by the real `cases` recipe step; then each page is requested 30 times to warm up and 300 times
// measured, one after another.
//
//   dotnet run -c Release --project bench/LearningHub.Bench.Cases [-- --modules 200 --requests 300]

namespace LearningHub.Bench.Cases;

internal static class CasesBench
{
    public static async Task Main(string[] args)
    {
        var modules = Arg(args, "--modules", 200);
        var requests = Arg(args, "--requests", 300);
        var dataPath = Path.Combine(Path.GetTempPath(), "lh-bench-cases-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataPath);
        try
        {
            await using var site = new BenchSite(dataPath);
            var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

            var seed = Stopwatch.StartNew();
            var recipe = Recipe(modules);
            await site.Services.GetRequiredService<RecipeExecutor>().ApplyAsync("bench-cases.recipe.json", recipe);
            Console.WriteLine($"Applied {modules} modules with the cases recipe step in {seed.Elapsed.TotalSeconds:F1} s ({recipe.Length / 1024 / 1024.0:F1} MB of JSON).");

            var pages = new (string Name, string Path)[]
            {
                ("Catalogue, all modules", "/norfolk/modules"),
                ("Catalogue, search 'interpreter'", "/norfolk/modules?q=interpreter"),
                ("Catalogue, theme filter", "/norfolk/modules?theme=discussion-and-information-sharing"),
                ("Catalogue, search + theme + type", "/norfolk/modules?q=neglect&theme=professional-curiosity&type=SeriousCaseReview"),
                ("Module page", "/norfolk/modules/bench-module-100"),
                ("Review at a glance", "/norfolk/modules/bench-module-100/review"),
            };

            Console.WriteLine();
            Console.WriteLine($"{"Page",-36} {"median",8} {"p95",8} {"max",8}  (ms, {requests} requests each)");
            foreach (var (name, path) in pages)
            {
                for (var i = 0; i < 30; i++)
                {
                    await GetAsync(client, path);
                }

                var times = new List<double>(requests);
                for (var i = 0; i < requests; i++)
                {
                    var clock = Stopwatch.StartNew();
                    await GetAsync(client, path);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                Console.WriteLine($"{name,-36} {times[times.Count / 2],8:F2} {times[(int)(times.Count * 0.95)],8:F2} {times[^1],8:F2}");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataPath, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Length < 1000)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        }
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Recipe(int count)
    {
        var norfolk = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "recipes", "norfolk.recipe.json")))!;
        var board = norfolk["steps"]!.AsArray().First(s => (string?)s!["step"] == "board")!.DeepClone();
        string[] themes = ["professional-curiosity", "discussion-and-information-sharing", "collaborative-working-and-decision-making", "ownership-and-accountability"];
        string[] topics = ["domestic-abuse", "neglect", "parental-mental-health", "cultural-competence-and-interpreters", "voice-of-the-child"];
        string[] kinds = ["Summary", "Background", "Chronology", "Analysis of practice", "Good practice", "Recommendations", "Board response", "Learning activities"];
        var paragraph = string.Concat(Enumerable.Repeat(
            "Practitioners saw the family often but did not ask who else lived in the home, relied on a relative to interpret, " +
            "and did not share what they knew about neglect and domestic abuse with the agencies that needed it. ", 10));
        var list = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            list.Add(new JsonObject
            {
                ["slug"] = $"bench-module-{i}",
                ["title"] = $"Bench Module {i}",
                ["reviewType"] = i % 3 == 0 ? "Serious Case Review" : "Child Safeguarding Practice Review",
                ["publishedOn"] = new DateOnly(2015 + i % 10, 1 + i % 12, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["summary"] = $"Module {i}: a child known to many agencies was seriously harmed; the learning is about curiosity and sharing information.",
                ["contentWarning"] = "Describes serious harm to a child.",
                ["supportSignposting"] = "Talk to your line manager or use supervision.",
                ["themes"] = new JsonArray(themes[i % 4], themes[(i + 1) % 4]),
                ["topics"] = new JsonArray(topics[i % 5], topics[(i + 2) % 5]),
                ["estimatedMinutes"] = 30,
                ["sections"] = new JsonArray(kinds.Select((kind, k) => (JsonNode)new JsonObject
                {
                    ["kind"] = kind,
                    ["title"] = $"{kind} of module {i}",
                    ["body"] = $"## {kind}\n\n{paragraph}\n\n* one point\n* another point",
                    ["reflectiveQuestions"] = new JsonArray(Enumerable.Range(0, k % 3).Select(q => (JsonNode)new JsonObject
                    {
                        ["key"] = $"q-{k}-{q}", ["text"] = $"What would you do differently about point {q + 1}?",
                    }).ToArray()),
                }).ToArray()),
                ["chronology"] = new JsonArray(Enumerable.Range(0, 12).Select(c => (JsonNode)new JsonObject
                {
                    ["when"] = $"Month {c + 1}", ["what"] = "A home visit; concerns were noted but not shared.", ["agencies"] = "Health visiting, GP",
                }).ToArray()),
                ["findings"] = new JsonArray(Enumerable.Range(0, 6).Select(f => (JsonNode)new JsonObject
                {
                    ["text"] = "Agencies did not share what they knew.", ["theme"] = themes[f % 4],
                }).ToArray()),
                ["recommendations"] = new JsonArray(Enumerable.Range(1, 8).Select(r => (JsonNode)new JsonObject
                {
                    ["number"] = r.ToString(CultureInfo.InvariantCulture), ["text"] = "The board should seek assurance that agencies use professional interpreters.",
                    ["rationale"] = "Families were not heard.", ["theme"] = themes[r % 4], ["scope"] = "Multi-agency", ["status"] = "Accepted",
                }).ToArray()),
                ["boardResponse"] = "The board wrote to every agency.",
            });
        }

        return new JsonObject
        {
            ["name"] = "Benchmark case modules",
            ["steps"] = new JsonArray(board, new JsonObject { ["step"] = "cases", ["modules"] = list }),
        }.ToJsonString();
    }
}

/// <summary>The real app in this process, Production environment, over a fresh data folder.</summary>
internal sealed class BenchSite(string dataPath) : WebApplicationFactory<Program>
{
    /// <summary>The host listens before the database is ready; the benchmark uses it directly, so it waits (SiteReadiness).</summary>
    protected override IHost CreateHost(IHostBuilder builder) => SiteReadiness.WhenReady(base.CreateHost(builder), TimeSpan.FromMinutes(5));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The published layout: content root beside the dlls (recipes/ is copied there).
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("LearningHub:DataPath", dataPath);
        builder.UseSetting("LearningHub:SeedDemoUsers", "false");
        builder.UseSetting("LearningHub:PublicBaseUrl", "http://localhost"); // required in Production
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.StaticFiles", "Error");
    }
}
