using System.Net;
using System.Text;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Impact;

/// <summary>
/// Acceptance 2 of issue 18: an agency safeguarding lead sees reach and change for their own agency only, across the
/// board's learning; they do not see the board's pack; another board's lead sees nothing of this board.
/// </summary>
public sealed class AgencyLeadTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private const string Password = LearningHubFactory.DemoPassword;

    private Task<string> LeadAsync(string board, string email, Guid agencyId) => ImpactScenario.AgencyLeadAsync(factory, board, email, agencyId);

    [Fact]
    public async Task An_agency_lead_sees_their_own_agencys_reach_and_change_only_and_another_boards_lead_sees_nothing()
    {
        var seeded = await ImpactScenario.SeedAsync(factory);
        await LeadAsync("norfolk", "lead@police.example", seeded.PoliceId);
        var lead = factory.CreateBrowserClient();
        await lead.SignInAsync("norfolk", "lead@police.example", Password);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (from, to) = (today.AddDays(-20), today.AddDays(20));
        var period = $"From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}&To.Day={to.Day}&To.Month={to.Month}&To.Year={to.Year}";
        var page = await lead.GetDocumentAsync($"/norfolk/impact/agency?{period}");
        Assert.Contains("Impact Police", page.QuerySelector("#agency-name")!.TextContent);
        Assert.Equal([["Agency", "People reached", "Workforce", "Share of workforce"], ["Impact Police", "5", "100", "5.0%"]],
            ImpactScenario.Cells(page.QuerySelector("#reach-by-agency")!));
        var change = ImpactScenario.Cells(page.QuerySelector("#change-by-agency")!).Skip(1).ToList();
        Assert.Equal(5, change.Count);
        Assert.All(change, r => Assert.Equal("Impact Police", r[0]));
        Assert.Equal(["Impact Police", "How confident are you in recognising coercive control in a family you work with?", "Before", "5", "2.00", "1: 1; 2: 3; 3: 1; 4: 0; 5: 0"], change[0]);
        // Nothing of the other agencies, nor the board-wide figures and sections.
        var main = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("Impact Health", main);
        Assert.DoesNotContain("Impact Schools", main);
        Assert.DoesNotContain("Norfolk Constabulary", main);
        Assert.Null(page.QuerySelector("#change"));
        Assert.Null(page.QuerySelector("#recommendations"));
        Assert.Null(page.QuerySelector("#reviews"));
        // Its CSV is its table; the navigation offers the lead's page; the board's pack and recommendations are not theirs.
        var csv = RecommendationImpactTests.ParseCsv(Encoding.UTF8.GetString(
            await (await lead.GetAsync($"/norfolk/impact/agency?handler=Csv&table=reach-by-agency&{period}")).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        Assert.Equal(ImpactScenario.Cells(page.QuerySelector("#reach-by-agency")!), csv);
        Assert.NotNull(page.QuerySelector("a[href='/norfolk/impact/agency']"));
        Assert.Null(page.QuerySelector("a[href='/norfolk/impact']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/norfolk/impact")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/norfolk/impact?handler=Csv&table=reach-by-agency&{period}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync(ImpactScenario.Url)).StatusCode);

        // A practitioner has neither page.
        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync("/norfolk/impact/agency")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync("/norfolk/impact")).StatusCode);

        // Essex's lead: their own board's page shows their own agency and nothing of Norfolk's; Norfolk's pages are not theirs.
        var essexAgency = await factory.WithBoardAsync("essex", db => db.Agencies.OrderBy(a => a.SortOrder).Select(a => new { a.Id, a.Name }).FirstAsync());
        await LeadAsync("essex", "lead@essex-police.example", essexAgency.Id);
        var essexLead = factory.CreateBrowserClient();
        await essexLead.SignInAsync("essex", "lead@essex-police.example", Password);
        var essexPage = await essexLead.GetDocumentAsync($"/essex/impact/agency?{period}");
        Assert.Equal([["Agency", "People reached", "Workforce", "Share of workforce"], [essexAgency.Name, "0", ImpactRow(essexPage, essexAgency.Name)[2], ImpactRow(essexPage, essexAgency.Name)[3]]],
            ImpactScenario.Cells(essexPage.QuerySelector("#reach-by-agency")!));
        Assert.DoesNotContain("Impact Police", essexPage.QuerySelector("main")!.TextContent);
        foreach (var url in new[] { $"/norfolk/impact/agency?{period}", $"/norfolk/impact/agency?handler=Csv&table=reach-by-agency&{period}", "/norfolk/impact" })
        {
            var response = await essexLead.GetAsync(url);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("Impact Police", await response.Content.ReadAsStringAsync());
        }
    }

    private static List<string> ImpactRow(AngleSharp.Html.Dom.IHtmlDocument page, string agency) =>
        ImpactScenario.Row(page.QuerySelector("#reach-by-agency")!, agency);

    [Fact]
    public async Task The_period_picker_reports_a_wrong_date_against_its_field_keeps_what_was_typed_and_shows_the_reporting_year()
    {
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");

        var page = await admin.GetDocumentAsync("/norfolk/impact?From.Day=31&From.Month=2&From.Year=2026&To.Day=1&To.Month=1&To.Year=2026");
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#From.Day'], .govuk-error-summary a[href^='#From']"));
        Assert.Equal("31", page.QuerySelector("input[name='From.Day']")!.GetAttribute("value"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = today.Month >= 4 ? today.Year : today.Year - 1;
        Assert.Equal($"1 April {start} to 31 March {start + 1}", page.QuerySelector("#period")!.TextContent.Trim());

        // An end before the start is an error on the end.
        var backwards = await admin.GetDocumentAsync("/norfolk/impact?From.Day=1&From.Month=4&From.Year=2026&To.Day=1&To.Month=1&To.Year=2026");
        Assert.NotNull(backwards.QuerySelector(".govuk-error-summary a[href^='#To']"));

        // With no period the pack is the current reporting year, with every section.
        var pack = await admin.GetDocumentAsync("/norfolk/impact");
        Assert.Equal($"1 April {start} to 31 March {start + 1}", pack.QuerySelector("#period")!.TextContent.Trim());
        foreach (var id in new[] { "reviews", "recommendations", "learning", "reach", "change" })
        {
            Assert.NotNull(pack.QuerySelector($"#section-{id}"));
        }

        Assert.NotNull(pack.QuerySelector("a[href='/norfolk/impact']"));
    }
}
