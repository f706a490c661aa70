using LearningHub.E2E.Infrastructure;
using LearningHub.Tests.Media;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Cases;

/// <summary>An author gives a case module a cover image with alt text; the catalogue shows it responsively, on accessible pages.</summary>
[Collection(SiteCollection.Name)]
public sealed class CaseCoverImageTests(SiteFixture site)
{
    private const string Alt = "Two practitioners reading a case chronology together";

    [Fact]
    public async Task AnAuthorAddsACoverImageAndTheCatalogueShowsItWithSrcset()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("norfolk", "author@norfolk.demo");

        // The image goes into the board's library with its alt text.
        await page.GotoAsync("/norfolk/manage/media/upload");
        await page.FillAsync("#Input_AltText", Alt);
        await page.SetInputFilesAsync("#Input_File", new FilePayload { Name = "chronology.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(1400, 900) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload image" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The image was uploaded");

        // The author chooses it as Case A1's cover.
        await page.GotoAsync("/norfolk/author/modules");
        await page.GetByRole(AriaRole.Link, new() { Name = "Case A1", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a cover image" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cover image for Case A1" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel(Alt).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save cover image" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Change the cover image" })).ToBeVisibleAsync();

        // The catalogue shows it: alt text, responsive sources, and the browser really loads it.
        await page.GotoAsync("/norfolk/modules");
        var item = page.Locator("main li").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Case A1", Exact = true }) });
        var image = item.Locator("picture img");
        await Expect(image).ToHaveAttributeAsync("alt", Alt);
        await Expect(image).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(@"320w.*1280w"));
        await Expect(item.Locator("picture source[type='image/webp']")).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(@"\.webp 320w"));
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('main picture img')].every(img => img.complete && img.naturalWidth > 0)");
        await Accessibility.AssertNoViolationsAsync(page);
        session.AssertNoBrowserErrors();
    }
}
