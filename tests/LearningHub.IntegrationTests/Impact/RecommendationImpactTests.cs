using System.Text;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Impact;

/// <summary>
/// Acceptance 1 of issue 18: the recommendation page and the annual-report pack show exactly the scenario's reach
/// (people counted once, shares of each agency's workforce) and change (means and distributions per stage), the
/// 4-person agency's change is withheld, and each CSV is its table on the page.
/// </summary>
public sealed class RecommendationImpactTests(RecommendationImpactTests.UnsharedReportFactory factory) : IClassFixture<RecommendationImpactTests.UnsharedReportFactory>
{
    /// <summary>
    /// The pack computed on every request: these tests change the data (a question no longer quotable) and expect the
    /// pack at once, which sharing the figures for minutes (ReportSharingTests) would hide.
    /// </summary>
    public sealed class UnsharedReportFactory : LearningHubFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Impact:ReportCacheTime"] = "00:00:00" };
    }

    private const string Confidence = "How confident are you in recognising coercive control in a family you work with?";
    private const string Used = "Have you used what you learnt with a child or family since the session?";
    private const string Example = "Give an example of something you now do differently";
    private const string TooFew = "too few to show";

    private static readonly string[][] ReachByAgency =
    [
        ["Impact Police", "5", "100", "5.0%"],
        ["Impact Health", "3", "40", "7.5%"],
        ["Impact Schools", "2", "30", "6.7%"],
    ];

    private static readonly string[][] ChangeForEveryone =
    [
        [$"{Confidence} (before)", "12", "2.25", "1: 2; 2: 5; 3: 5; 4: 0; 5: 0"],
        [$"{Confidence} (straight after)", "12", "4.00", "1: 0; 2: 0; 3: 2; 4: 8; 5: 2"],
        [$"{Confidence} (at follow-up)", "9", "3.78", "1: 0; 2: 0; 3: 2; 4: 7; 5: 0"],
        [$"{Used} (at follow-up)", "9", "", "Yes: 6; No: 3"],
        [$"{Example} (at follow-up)", "9", "", ""],
    ];

    private static readonly string[][] ChangeByAgency =
    [
        ["Impact Police", Confidence, "Before", "5", "2.00", "1: 1; 2: 3; 3: 1; 4: 0; 5: 0"],
        ["Impact Police", Confidence, "Straight after", "5", "4.00", "1: 0; 2: 0; 3: 1; 4: 3; 5: 1"],
        ["Impact Police", Confidence, "At follow-up", "5", "4.00", "1: 0; 2: 0; 3: 0; 4: 5; 5: 0"],
        ["Impact Police", Used, "At follow-up", "5", "", "Yes: 4; No: 1"],
        ["Impact Police", Example, "At follow-up", "5", "", ""],
        ["Impact Health", Confidence, "Before", TooFew, TooFew, TooFew],
        ["Impact Health", Confidence, "Straight after", TooFew, TooFew, TooFew],
        ["Impact Health", Confidence, "At follow-up", TooFew, TooFew, TooFew],
        ["Impact Health", Used, "At follow-up", TooFew, TooFew, TooFew],
        ["Impact Health", Example, "At follow-up", TooFew, TooFew, TooFew],
        ["Impact Schools", Confidence, "Before", TooFew, TooFew, TooFew],
        ["Impact Schools", Confidence, "Straight after", TooFew, TooFew, TooFew],
    ];

    private static void AssertRows(string[][] expected, IEnumerable<List<string>> rows) =>
        Assert.Equal(expected.Select(r => string.Join(" | ", r)), rows.Select(r => string.Join(" | ", r)));

    [Fact]
    public async Task The_recommendation_page_and_the_pack_show_the_scenarios_reach_and_change_and_each_CSV_is_its_table()
    {
        await ImpactScenario.SeedAsync(factory);
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");

        // The recommendation page: its module and its event, nothing else.
        var page = await admin.GetDocumentAsync(ImpactScenario.Url);
        Assert.Equal("10 people completed or attended this learning (each counted once).", page.QuerySelector("#reach-total")!.TextContent.Trim());
        var agencies = ImpactScenario.Cells(page.QuerySelector("#reach-by-agency")!);
        AssertRows(ReachByAgency, agencies.Where(r => r[0].StartsWith("Impact ", StringComparison.Ordinal)));
        // Every other agency of the board is listed with nobody reached: no one else did this learning.
        Assert.All(agencies.Skip(1).Where(r => !r[0].StartsWith("Impact ", StringComparison.Ordinal)), r => Assert.Equal("0", r[1]));
        var sectors = ImpactScenario.Cells(page.QuerySelector("#reach-by-sector")!).Skip(1).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(new Dictionary<string, string> { ["Education"] = "2", ["Health"] = "3", ["Police"] = "5" }, sectors);
        var localities = ImpactScenario.Cells(page.QuerySelector("#reach-by-locality")!).Skip(1).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(new Dictionary<string, string> { ["Breckland"] = "3", ["Norwich"] = "7" }, localities);
        AssertRows(ChangeForEveryone, ImpactScenario.Cells(page.QuerySelector("#change")!).Skip(1));
        AssertRows(ChangeByAgency, ImpactScenario.Cells(page.QuerySelector("#change-by-agency")!).Skip(1));
        // Another recommendation of the module has no event: its reach is the module's completions only (6 people).
        Assert.StartsWith("6 people", (await admin.GetDocumentAsync("/norfolk/recommendations/impact-v/1")).QuerySelector("#reach-total")!.TextContent.Trim());

        // The pack for a period around today: the same people (nobody else learnt in it), the same change.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (from, to) = (today.AddDays(-20), today.AddDays(20));
        var period = $"From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}&To.Day={to.Day}&To.Month={to.Month}&To.Year={to.Year}";
        var pack = await admin.GetDocumentAsync($"/norfolk/impact?{period}");
        var packAgencies = ImpactScenario.Cells(pack.QuerySelector("#reach-by-agency")!);
        AssertRows(ReachByAgency, packAgencies.Where(r => r[0].StartsWith("Impact ", StringComparison.Ordinal)));
        AssertRows(ChangeForEveryone, ImpactScenario.Cells(pack.QuerySelector("#change")!).Skip(1));
        AssertRows(ChangeByAgency, ImpactScenario.Cells(pack.QuerySelector("#change-by-agency")!).Skip(1));
        var learning = ImpactScenario.Cells(pack.QuerySelector("#learning")!);
        Assert.Equal(["Impact V", "Case learning module", "", "6"], learning.Single(r => r[0] == "Impact V"));
        Assert.Equal("6", learning.Single(r => r[0] == "Coercive control briefing")[3]);

        // Each table's CSV is the table on the page, cell for cell (the workforce "1,260" and all).
        foreach (var table in pack.QuerySelectorAll("main table"))
        {
            var response = await admin.GetAsync($"/norfolk/impact?handler=Csv&table={table.Id}&{period}");
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            var csv = ParseCsv(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
            Assert.Equal(ImpactScenario.Cells(table).Select(r => string.Join(" | ", r)), csv.Select(r => string.Join(" | ", r)));
        }

        // Quotes: the follow-up's example of change (the recipe marks it quotable; people are told under the question), no names.
        var quotes = ImpactScenario.Cells(pack.QuerySelector("#quotes")!).Skip(1).ToList();
        Assert.Equal(9, quotes.Count);
        Assert.Contains(["I now ask about coercive control at every visit (P1).", Example], quotes);
        Assert.All(quotes, q => Assert.Equal(Example, q[1]));
        Assert.DoesNotContain("Person P1", pack.QuerySelector("main")!.TextContent);

        // The PDF is the pack printed by the certificate's Chromium: a PDF titled with the board and the period.
        Assert.NotNull(pack.QuerySelector("#pack-pdf"));
        var pdf = await admin.GetAsync($"/norfolk/impact?handler=Pdf&{period}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.Contains("annual report", LearningHub.IntegrationTests.Cases.CertificatePdfTests.PdfTitle(bytes));

        // The CSV of a table that is not in the pack is not found.
        await admin.GetDocumentAsync($"/norfolk/impact?handler=Csv&table=nothing&{period}", System.Net.HttpStatusCode.NotFound);

        // Answers to a question not marked quotable are never quoted.
        await factory.WithBoardAsync("norfolk", async db =>
        {
            await db.Set<LearningHub.Forms.Domain.FormQuestion>().Where(q => q.Key == "example-of-change")
                .ExecuteUpdateAsync(q => q.SetProperty(x => x.MayQuoteAnonymously, false));
            return true;
        });
        var unquoted = await admin.GetDocumentAsync($"/norfolk/impact?{period}");
        Assert.Null(unquoted.QuerySelector("#quotes"));
        Assert.DoesNotContain("I now ask about coercive control", unquoted.QuerySelector("main")!.TextContent);
    }

    /// <summary>RFC 4180 CSV: commas, quoted cells with doubled quotes, CRLF or LF line ends.</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
