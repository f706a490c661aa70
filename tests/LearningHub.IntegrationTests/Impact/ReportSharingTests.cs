using LearningHub.Core.Time;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Impact;

/// <summary>
/// Issue 22, acceptance 1: the annual-report pack is computed once per board, period and scope and shared for
/// <c>Impact:ReportCacheTime</c> (page and CSVs alike); an agency lead's figures are their own agency's, never
/// another scope's; the page says when its figures were computed.
/// </summary>
public sealed class ReportSharingTests(ReportSharingTests.ClockFactory factory) : IClassFixture<ReportSharingTests.ClockFactory>
{
    /// <summary>The real app with a clock the test moves, so the figures' lifetime runs out without waiting.</summary>
    public sealed class ClockFactory : LearningHubFactory
    {
        public MovableClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    /// <summary>The report's own queries: reach and change read the bookings; the sign-in and scope checks do not.</summary>
    private static List<string> ReportQueries(CommandCounter counter) =>
        counter.Commands.Where(c => c.Contains("\"Bookings\"")).ToList();

    private Task LeadAsync(string email, Guid agencyId) => ImpactScenario.AgencyLeadAsync(factory, "norfolk", email, agencyId);

    [Fact]
    public async Task Each_scope_is_computed_once_and_shared_within_the_lifetime_and_never_served_to_another_scope()
    {
        var seeded = await ImpactScenario.SeedAsync(factory);
        await LeadAsync("police-lead@sharing.example", seeded.PoliceId);
        await LeadAsync("health-lead@sharing.example", seeded.HealthId);
        var police = factory.CreateBrowserClient();
        await police.SignInAsync("norfolk", "police-lead@sharing.example", LearningHubFactory.DemoPassword);
        var health = factory.CreateBrowserClient();
        await health.SignInAsync("norfolk", "health-lead@sharing.example", LearningHubFactory.DemoPassword);
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        var essexAdmin = factory.CreateBrowserClient();
        await essexAdmin.SignInAsync("essex", "admin@essex.demo");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (from, to) = (today.AddDays(-20), today.AddDays(20));
        var period = $"From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}&To.Day={to.Day}&To.Month={to.Month}&To.Year={to.Year}";

        // The police lead's page first, so the next scopes would be served its figures if the key left the scope out.
        var policePage = await police.GetDocumentAsync($"/norfolk/impact/agency?{period}");
        Assert.Equal(["Impact Police", "5", "100", "5.0%"], ImpactScenario.Row(policePage.QuerySelector("#reach-by-agency")!, "Impact Police"));
        var computedAt = factory.Clock.GetUtcNow().UtcDateTime;
        Assert.StartsWith($"Figures as of {LondonTime.Time(computedAt)} on {LondonTime.Date(computedAt)}.", policePage.QuerySelector("#figures-as-of")!.TextContent);

        var healthPage = await health.GetDocumentAsync($"/norfolk/impact/agency?{period}");
        Assert.Equal(["Impact Health", "3", "40", "7.5%"], ImpactScenario.Row(healthPage.QuerySelector("#reach-by-agency")!, "Impact Health"));
        Assert.DoesNotContain("Impact Police", healthPage.QuerySelector("main")!.TextContent);

        var pack = await admin.GetDocumentAsync($"/norfolk/impact?{period}");
        Assert.Equal(["Impact Police", "5", "100", "5.0%"], ImpactScenario.Row(pack.QuerySelector("#reach-by-agency")!, "Impact Police"));
        Assert.Equal(["Impact Health", "3", "40", "7.5%"], ImpactScenario.Row(pack.QuerySelector("#reach-by-agency")!, "Impact Health"));
        Assert.NotNull(pack.QuerySelector("#figures-as-of"));

        // Essex's pack for the same period is Essex's own: none of Norfolk's agencies.
        var essexPack = await essexAdmin.GetDocumentAsync($"/essex/impact?{period}");
        Assert.DoesNotContain("Impact Police", essexPack.QuerySelector("main")!.TextContent);

        // Within the lifetime every scope is served what was computed for it, page and CSV, without a report query.
        factory.Clock.Advance(TimeSpan.FromMinutes(4));
        using (var counter = new CommandCounter(factory.DataPath))
        {
            var policeAgain = await police.GetDocumentAsync($"/norfolk/impact/agency?{period}");
            Assert.Equal(["Impact Police", "5", "100", "5.0%"], ImpactScenario.Row(policeAgain.QuerySelector("#reach-by-agency")!, "Impact Police"));
            var csv = await police.GetStringAsync($"/norfolk/impact/agency?handler=Csv&table=reach-by-agency&{period}");
            Assert.Contains("Impact Police", csv);
            Assert.DoesNotContain("Impact Health", csv);
            var healthAgain = await health.GetDocumentAsync($"/norfolk/impact/agency?{period}");
            Assert.DoesNotContain("Impact Police", healthAgain.QuerySelector("main")!.TextContent);
            var packAgain = await admin.GetDocumentAsync($"/norfolk/impact?{period}");
            Assert.Equal(pack.QuerySelector("#figures-as-of")!.TextContent, packAgain.QuerySelector("#figures-as-of")!.TextContent);
            Assert.True(ReportQueries(counter).Count == 0, string.Join("\n---\n", ReportQueries(counter)));
        }

        // A different period is its own computation.
        using (var counter = new CommandCounter(factory.DataPath))
        {
            var other = today.AddDays(-21);
            await police.GetDocumentAsync($"/norfolk/impact/agency?From.Day={other.Day}&From.Month={other.Month}&From.Year={other.Year}&To.Day={to.Day}&To.Month={to.Month}&To.Year={to.Year}");
            Assert.NotEmpty(ReportQueries(counter));
        }

        // Past the lifetime (five minutes by default) the figures are computed again, with their new time.
        factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using (var counter = new CommandCounter(factory.DataPath))
        {
            var later = await police.GetDocumentAsync($"/norfolk/impact/agency?{period}");
            Assert.NotEmpty(ReportQueries(counter));
            var recomputedAt = factory.Clock.GetUtcNow().UtcDateTime;
            Assert.StartsWith($"Figures as of {LondonTime.Time(recomputedAt)} on {LondonTime.Date(recomputedAt)}.", later.QuerySelector("#figures-as-of")!.TextContent);
        }
    }
}
