using LearningHub.E2E.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Cases;

/// <summary>
/// A facilitator opens Case A1's facilitator view from its module page: key messages, discussion questions with
/// the team activities kept for facilitators, practice actions; printed, the site around it is left out. Axe on both
/// pages. Uses the real Case A1 from the Norfolk recipe when it is there, else the small Child V stand-in.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class FacilitatorViewTests(SiteFixture site)
{
    [Fact]
    public async Task FacilitatorOpensThePrintableViewFromTheModulePage()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("norfolk", "practitioner@norfolk.demo");

        var address = "/norfolk/modules/case-a1";
        var response = await page.GotoAsync(address);
        var real = response!.Status == 200;
        if (!real)
        {
            await CaseFixtures.ApplyAsync(site.Services, "norfolk", CaseFixtures.ChildV("child-v-facilitator-e2e"));
            address = "/norfolk/modules/child-v-facilitator-e2e";
            await page.GotoAsync(address);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Facilitator view", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Questions for discussion", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.Locator("#key-messages li").First).ToBeVisibleAsync();
        Assert.True(await page.Locator(".lh-facilitator__section ol li").CountAsync() > 0);
        if (real)
        {
            await Expect(page.Locator(".lh-facilitator__section .govuk-inset-text").First).ToContainTextAsync("For facilitators");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What this means for your practice", Level = 2 })).ToBeVisibleAsync();
        }

        await Accessibility.AssertNoViolationsAsync(page);

        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        await Expect(page.Locator(".govuk-footer")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Questions for discussion", Level = 2 })).ToBeVisibleAsync();
    }
}
