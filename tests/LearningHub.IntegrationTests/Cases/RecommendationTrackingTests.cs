using System.Net;
using LearningHub.Cases.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>The board's recommendations page: filters, the learning that answers each, and what archiving a module does.</summary>
public sealed class RecommendationTrackingTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task Recommendations_are_listed_with_filters_and_their_module_and_archiving_hides_the_module()
    {
        await CaseFixtures.ApplyAsync(factory.Services, "norfolk", CaseFixtures.ChildV("tracked-v", "Tracked V"));
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");

        static int Rows(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("#recommendations tbody tr").Length;
        var all = await coordinator.GetDocumentAsync("/norfolk/recommendations?module=tracked-v");
        Assert.Equal(6, Rows(all));
        Assert.NotNull(all.QuerySelector("#recommendations a[href='/norfolk/modules/tracked-v']"));
        Assert.Equal(3, Rows(await coordinator.GetDocumentAsync("/norfolk/recommendations?module=tracked-v&scope=MultiAgency")));
        Assert.Equal(6, Rows(await coordinator.GetDocumentAsync("/norfolk/recommendations?module=tracked-v&status=Accepted&theme=ownership-and-accountability")));
        Assert.Equal(0, Rows(await coordinator.GetDocumentAsync("/norfolk/recommendations?module=tracked-v&status=Completed")));
        Assert.Equal(0, Rows(await coordinator.GetDocumentAsync("/norfolk/recommendations?module=tracked-v&theme=professional-curiosity")));

        // Practitioners do not get the board's tracking page.
        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");
        Assert.NotEqual(HttpStatusCode.OK, (await practitioner.GetAsync("/norfolk/recommendations")).StatusCode);

        // A board administrator archives the module: practitioners no longer find it; its recommendations stay tracked.
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        var id = await factory.WithBoardAsync("norfolk", db => db.Set<CaseModule>().Where(m => m.Slug == "tracked-v").Select(m => m.Id).SingleAsync());
        var archived = await admin.SubmitFormAsync($"/norfolk/author/modules/{id}", new Dictionary<string, string>(), $"/norfolk/author/modules/{id}?handler=archive");
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);

        await practitioner.GetDocumentAsync("/norfolk/modules/tracked-v", HttpStatusCode.NotFound);
        var afterArchive = await coordinator.GetDocumentAsync("/norfolk/recommendations?module=tracked-v");
        Assert.Equal(6, Rows(afterArchive));
        Assert.Contains("(archived)", afterArchive.QuerySelector("#recommendations tbody tr")!.TextContent);
    }
}
