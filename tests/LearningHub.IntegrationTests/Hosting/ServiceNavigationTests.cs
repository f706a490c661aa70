using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Hosting;

/// <summary>The board's navigation is the GOV.UK service navigation component, with the items the person may see and the current one marked.</summary>
public sealed class ServiceNavigationTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task Items_follow_permissions_and_the_nearest_section_is_marked_current()
    {
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");

        var manage = await coordinator.GetDocumentAsync("/norfolk/events/manage/reach");
        var navigation = manage.QuerySelector(".govuk-service-navigation[data-module=govuk-service-navigation]")!;
        Assert.Equal("Menu", navigation.QuerySelector("nav")!.GetAttribute("aria-label"));
        Assert.NotNull(navigation.QuerySelector("button.govuk-service-navigation__toggle[aria-controls=service-navigation][hidden]"));
        var links = navigation.QuerySelectorAll("li.govuk-service-navigation__item a.govuk-service-navigation__link").ToList();
        Assert.Contains(links, a => a.GetAttribute("href") == "/norfolk/events/manage");
        // Under Manage events, that item is current (its section), not Events.
        var active = navigation.QuerySelectorAll(".govuk-service-navigation__item--active").Single();
        Assert.Equal("Manage events", active.TextContent.Trim());
        Assert.Equal("true", active.QuerySelector("a")!.GetAttribute("aria-current"));

        var ownPage = await coordinator.GetDocumentAsync("/norfolk/events/manage");
        Assert.Equal("page", ownPage.QuerySelector(".govuk-service-navigation__item--active a")!.GetAttribute("aria-current"));

        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var home = await practitioner.GetDocumentAsync("/norfolk/events");
        Assert.Null(home.QuerySelector(".govuk-service-navigation a[href='/norfolk/events/manage']"));
        Assert.Equal("Events", home.QuerySelector(".govuk-service-navigation__item--active")!.TextContent.Trim());
        Assert.Empty(home.QuerySelectorAll(".lh-nav"));
    }
}
