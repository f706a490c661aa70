using System.Net;
using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Charts;

/// <summary>chart.js (from npm, copied into the base theme's wwwroot/lib by the build) and our bar chart script are served, and the reach report uses them.</summary>
public sealed class ChartScriptTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Theory]
    [InlineData("/_content/LearningHub.Theme.Base/lib/chart.umd.min.js", "Chart")]
    [InlineData("/_content/LearningHub.Theme.Base/lib/bar-charts.mjs", "data-lh-chart")]
    public async Task The_chart_scripts_are_served_as_javascript(string path, string expected)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_reach_report_marks_its_tables_for_charts_and_loads_the_scripts_from_files()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var page = await client.GetDocumentAsync("/norfolk/events/manage/reach");
        Assert.Equal(4, page.QuerySelectorAll("table[data-lh-chart='1,2']").Length);
        var scripts = page.QuerySelectorAll("script").Select(s => s.GetAttribute("src") ?? "").ToList();
        // Fingerprinted addresses (MapStaticAssets): chart.umd.min.{fingerprint}.js.
        Assert.Contains(scripts, s => s.StartsWith("/_content/LearningHub.Theme.Base/lib/chart.umd.min.", StringComparison.Ordinal) && s.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(scripts, s => s.StartsWith("/_content/LearningHub.Theme.Base/lib/bar-charts.", StringComparison.Ordinal) && s.EndsWith(".mjs", StringComparison.Ordinal));
        Assert.DoesNotContain(scripts, s => s.Length == 0);
    }
}
