using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Security;
using LearningHub.E2E.Infrastructure;
using LearningHub.Media;
using LearningHub.Tests.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E;

/// <summary>An author uploads an image with alt text and finds it in the library, on accessible pages.</summary>
[Collection(SiteCollection.Name)]
public sealed class MediaLibraryTests(SiteFixture site)
{
    /// <summary>Makes sure Norfolk's authors hold media.manage (the recipes grant it; this keeps the test independent of them).</summary>
    private async Task GrantAuthorsAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var board = await scope.ServiceProvider.GetRequiredService<BoardDirectory>().FindAsync("norfolk") ?? throw new InvalidOperationException("No norfolk");
        scope.ServiceProvider.GetRequiredService<BoardContext>().Use(board);
        var db = scope.ServiceProvider.GetRequiredService<LearningHubDbContext>();
        if (!await db.BoardRolePermissions.AnyAsync(g => g.Role == "Author" && g.Permission == MediaPermissions.ManageMedia))
        {
            db.BoardRolePermissions.Add(new BoardRolePermission { Role = "Author", Permission = MediaPermissions.ManageMedia });
            await db.SaveChangesAsync();
        }

        scope.ServiceProvider.GetRequiredService<IMemoryCache>().Remove(BoardPermissions.CacheKey(board.Id));
    }

    [Fact]
    public async Task AuthorUploadsAnImageWithAltTextAndFindsItInTheLibrary()
    {
        await GrantAuthorsAsync();
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("norfolk", "author@norfolk.demo");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Images" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Images", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Upload an image" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Upload an image", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // Nothing chosen: both problems listed, each linked to its field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload image" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a[href='#Input_File']")).ToHaveTextAsync("Select an image to upload");
        await Expect(page.Locator(".govuk-error-summary a[href='#Input_AltText']")).ToHaveTextAsync("Enter alt text, or select that the image is decorative");
        await Accessibility.AssertNoViolationsAsync(page);

        // A text file named like a photo is refused; the alt text typed is kept.
        await page.FillAsync("#Input_AltText", "Chart of referrals to children's social care by agency, 2025");
        await page.SetInputFilesAsync("#Input_File", new FilePayload { Name = "referrals.jpg", MimeType = "image/jpeg", Buffer = "not really a picture"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload image" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a[href='#Input_File']")).ToHaveTextAsync("The selected file must be a JPG, PNG, WebP or GIF image");
        await Expect(page.Locator("#Input_AltText")).ToHaveValueAsync("Chart of referrals to children's social care by agency, 2025");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.SetInputFilesAsync("#Input_File", new FilePayload
        {
            Name = "referrals-chart.jpg",
            MimeType = "image/jpeg",
            Buffer = TestImages.WithGpsExif(TestImages.Jpeg(1500, 1000, quality: 88)),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload image" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The image was uploaded");
        var image = page.Locator("main picture img");
        await Expect(image).ToHaveAttributeAsync("alt", "Chart of referrals to children's social care by agency, 2025");
        await Expect(image).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(@"-320\.jpg 320w, .*-1280\.jpg 1280w$"));
        // The browser really loaded a rendition (content-addressed URL, allowed by the Content-Security-Policy).
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('main picture img'); return img.complete && img.naturalWidth > 0; }");
        await Expect(page.Locator("#alt-text")).ToHaveTextAsync("Chart of referrals to children's social care by agency, 2025");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to images" }).ClickAsync();
        await page.FillAsync("#q", "social care");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "referrals-chart.jpg" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        session.AssertNoBrowserErrors();
    }
}
