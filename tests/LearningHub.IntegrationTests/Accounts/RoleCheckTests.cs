using System.Net;
using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Accounts;

public sealed class RoleCheckTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task Signed_out_visitor_to_a_coordinator_page_is_sent_to_sign_in_and_back()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync("/norfolk/manage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/norfolk/account/sign-in?returnUrl=%2Fnorfolk%2Fmanage", response.Headers.Location!.OriginalString);

        var signIn = await client.SubmitFormAsync(response.Headers.Location.OriginalString, new Dictionary<string, string>
        {
            ["Input.Email"] = "coordinator@norfolk.demo",
            ["Input.Password"] = LearningHubFactory.DemoPassword,
            ["returnUrl"] = "/norfolk/manage",
        });
        Assert.Equal("/norfolk/manage", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Practitioner_gets_a_helpful_403_on_a_coordinator_page()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");

        var page = await client.GetDocumentAsync("/norfolk/manage", HttpStatusCode.Forbidden);

        Assert.Equal("You do not have permission to see this page", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Pat Practitioner", page.QuerySelector("main")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='mailto:nscb@norfolk.example']"));
        Assert.Equal("Norfolk", page.QuerySelector("header")!.GetAttribute("data-theme"));
    }

    [Fact]
    public async Task Coordinator_sees_reach_by_agency_and_the_link_to_it()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "coordinator@norfolk.demo");

        var page = await client.GetDocumentAsync("/norfolk/manage");

        Assert.Equal("Reach by agency", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Norfolk Constabulary", page.QuerySelector("main")!.TextContent);
        var home = await client.GetDocumentAsync("/norfolk");
        Assert.NotNull(home.QuerySelector("nav a[href='/norfolk/manage']"));
        Assert.Null(home.QuerySelector("nav a[href='/norfolk/admin/agencies']"));
    }

    [Fact]
    public async Task Board_admin_pages_refuse_coordinators_and_admit_board_admins()
    {
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/norfolk/admin/agencies")).StatusCode);
        var page = await admin.GetDocumentAsync("/norfolk/admin/agencies");
        Assert.Contains("Norfolk Constabulary", page.QuerySelector("table")!.TextContent);
    }

    [Fact]
    public async Task Practitioner_does_not_see_staff_links()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");

        var home = await client.GetDocumentAsync("/norfolk");

        Assert.Null(home.QuerySelector("nav a[href='/norfolk/manage']"));
        Assert.Equal("Pat Practitioner", home.QuerySelector(".lh-header__signed-in")!.TextContent.Trim());
    }

    [Fact]
    public async Task Sign_in_never_returns_to_another_site_or_board()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.SubmitFormAsync("/norfolk/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = "author@norfolk.demo",
            ["Input.Password"] = LearningHubFactory.DemoPassword,
            ["returnUrl"] = "https://evil.example/phish",
        });

        Assert.Equal("/norfolk", response.Headers.Location!.OriginalString);
    }
}
