using LearningHub.E2E.Infrastructure;
using LearningHub.Tests.Media;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Events;

/// <summary>A coordinator gives the roadshow a cover image with alt text; the roadshow page shows it responsively, on accessible pages.</summary>
[Collection(SiteCollection.Name)]
public sealed class RoadshowCoverImageTests(SiteFixture site)
{
    private const string Alt = "A map of Norfolk with the roadshow's three towns marked";

    [Fact]
    public async Task ACoordinatorChoosesARoadshowCoverAndTheRoadshowPageShowsItWithSrcset()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("norfolk", "coordinator@norfolk.demo");

        // A size other tests do not use, so the library does not refuse it as a picture it already has.
        await page.GotoAsync("/norfolk/manage/media/upload");
        await page.FillAsync("#Input_AltText", Alt);
        await page.SetInputFilesAsync("#Input_File", new FilePayload { Name = "roadshow-map.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(1440, 960) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload image" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The image was uploaded");

        // From the events list (the roadshow's title, its sessions under it) to the roadshow, and from there to its cover image page.
        await page.GotoAsync("/norfolk/events");
        await page.Locator("main .lh-event-list__item h3 a[href*='/events/roadshows/']").First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("(Add a|Change the) cover image") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cover image for Spring roadshow" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel(Alt).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save cover image" }).ClickAsync();

        // Back on the roadshow page: alt text, responsive sources, and the browser really loads it.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Spring roadshow: learning from Case Y and Case R", Level = 1 })).ToBeVisibleAsync();
        var image = page.Locator("main picture img");
        await Expect(image).ToHaveAttributeAsync("alt", Alt);
        await Expect(image).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(@"320w.*1280w"));
        await Expect(page.Locator("main picture source[type='image/webp']")).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(@"\.webp 320w"));
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('main picture img')].every(img => img.complete && img.naturalWidth > 0)");
        await Accessibility.AssertNoViolationsAsync(page);
        session.AssertNoBrowserErrors();
    }
}
