using LearningHub.Cases.Domain;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.E2E.Infrastructure;
using LearningHub.Media.Domain;
using LearningHub.Tests.Cases.Fixtures;
using LearningHub.Tests.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Cases;

/// <summary>
/// An author inserts a library image into a section's text from the section editor; the preview and the
/// practitioner's section page show it responsively with its alt text. axe on every page.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class CaseSectionImageTests(SiteFixture site)
{
    private const string Alt = "A chart of the agencies that saw the family each month";

    [Fact]
    public async Task AnAuthorInsertsALibraryImageIntoASectionAndThePageShowsIt()
    {
        await CaseFixtures.ApplyAsync(site.Services, "norfolk", CaseFixtures.ChildV("child-img-e2e", "Child Image E2E"));
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("norfolk", "author@norfolk.demo");

        await page.GotoAsync("/norfolk/manage/media/upload");
        await page.FillAsync("#Input_AltText", Alt);
        await page.SetInputFilesAsync("#Input_File", new FilePayload { Name = "agencies.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(1300, 700) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload image" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The image was uploaded");

        // A draft module's new section: the image is inserted from the picker, then previewed.
        await page.GotoAsync("/norfolk/author/modules/new");
        await page.FillAsync("#Input_Title", $"Child P {Guid.NewGuid():N}"[..14]);
        await page.SelectOptionAsync("#Input_ReviewType", new SelectOptionValue { Label = "Practice Learning Briefing" });
        await page.FillAsync("#Input_Summary", "A short briefing.");
        await page.FillAsync("#Input_ContentWarning", "Describes neglect.");
        await page.FillAsync("#Input_SupportSignposting", "Talk to your manager.");
        await page.FillAsync("#Input_KeyMessages", "Ask who else lives in the home");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create module" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a section" }).ClickAsync();
        await page.SelectOptionAsync("#Input_Kind", new SelectOptionValue { Label = "Summary" });
        await page.FillAsync("#Input_Title", "Who saw the family");
        await page.FillAsync("#Input_Body", "Each agency saw part of the picture.");
        await page.Locator(".govuk-details__summary", new() { HasTextString = "Insert an image" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Insert {Alt}" }).ClickAsync();
        await Expect(page.Locator(".govuk-inset-text")).ToContainTextAsync("The image was added at the end of the text");
        await Expect(page.Locator("#Input_Body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^Each agency saw part of the picture\.\s+!\[\]\(media:[0-9a-f-]{36}\)\s*$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the text" }).ClickAsync();
        var preview = page.Locator(".lh-markdown-preview picture img");
        await Expect(preview).ToHaveAttributeAsync("alt", Alt);
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.lh-markdown-preview picture img')].every(img => img.complete && img.naturalWidth > 0)");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save section" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add a section" })).ToBeVisibleAsync();

        // The same reference in a published module's section, as practitioners see it.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var board = await scope.ServiceProvider.GetRequiredService<BoardDirectory>().FindAsync("norfolk") ?? throw new InvalidOperationException("No norfolk");
            scope.ServiceProvider.GetRequiredService<BoardContext>().Use(board);
            var db = scope.ServiceProvider.GetRequiredService<LearningHubDbContext>();
            var imageId = await db.Set<MediaAsset>().Where(a => a.AltText == Alt).Select(a => a.Id).SingleAsync();
            var module = await db.Set<CaseModule>().SingleAsync(m => m.Slug == "child-img-e2e");
            var section = await db.Set<CaseSection>().Where(s => s.VersionId == module.PublishedVersionId).OrderBy(s => s.Position).FirstAsync();
            section.Body = $"Each agency saw part of the picture.\n\n![]({"media:"}{imageId})\n\nNo one put it together.";
            await db.SaveChangesAsync();
        }

        await page.GotoAsync("/norfolk/modules/child-img-e2e/sections/1");
        var image = page.Locator("main picture img");
        await Expect(image).ToHaveAttributeAsync("alt", Alt);
        await Expect(image).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(@"320w.*1280w"));
        await Expect(page.Locator("main picture source[type='image/webp']")).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(@"\.webp 320w"));
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('main picture img')].every(img => img.complete && img.naturalWidth > 0)");
        await Accessibility.AssertNoViolationsAsync(page);
        session.AssertNoBrowserErrors();
    }
}
