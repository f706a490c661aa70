using System.Net;
using LearningHub.Cases.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.IntegrationTests.Media;
using LearningHub.Tests.Media;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>
/// Images from the media library inside a section's Markdown (<c>![](media:{id})</c>): inserted from the
/// section editor, shown responsively with the library's alt text, refused on save when not in the
/// board's library, and keeping the image from being deleted while a section shows it.
/// </summary>
public sealed class CaseSectionImageTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private async Task<HttpClient> AuthorAsync(string board = "norfolk")
    {
        var author = factory.CreateBrowserClient();
        await author.SignInAsync(board, $"author@{board}.demo");
        return author;
    }

    /// <param name="width">Each test's image is its own (the library refuses the same image twice).</param>
    private static async Task<Guid> UploadAsync(HttpClient author, string board, int width, string? alt)
    {
        var fields = alt is null
            ? new Dictionary<string, string> { ["Input.Decorative"] = "true" }
            : new Dictionary<string, string> { ["Input.AltText"] = alt };
        var upload = await author.SubmitUploadAsync($"/{board}/manage/media/upload", fields, ("Input.File", "diagram.jpg", TestImages.Jpeg(width, 600)));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        return Guid.Parse(upload.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
    }

    private static async Task<Guid> NewModuleAsync(HttpClient author, string title)
    {
        var created = await author.SubmitFormAsync("/norfolk/author/modules/new", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.ReviewType"] = "ChildSafeguardingPracticeReview",
            ["Input.PublishedOn.Day"] = "1",
            ["Input.PublishedOn.Month"] = "March",
            ["Input.PublishedOn.Year"] = "2021",
            ["Input.Summary"] = "A summary of what happened.",
            ["Input.ContentWarning"] = "Describes the death of a baby.",
            ["Input.SupportSignposting"] = "Talk to your manager.",
            ["Input.KeyMessages"] = "Ask who else lives in the home",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
    }

    /// <summary>Puts the text into the first section of a published module, as a published revision would.</summary>
    private Task<string> SetPublishedSectionBodyAsync(string slug, string body) =>
        factory.WithBoardAsync("norfolk", async db =>
        {
            var module = await db.Set<CaseModule>().SingleAsync(m => m.Slug == slug);
            var section = await db.Set<CaseSection>().Where(s => s.VersionId == module.PublishedVersionId).OrderBy(s => s.Position).FirstAsync();
            section.Body = body;
            await db.SaveChangesAsync();
            return section.Title;
        });

    [Fact]
    public async Task Insert_an_image_adds_its_reference_to_the_text_and_keeps_what_was_typed()
    {
        var author = await AuthorAsync();
        var imageId = await UploadAsync(author, "norfolk", 1201, "A diagram of who knew what, and when");
        var moduleId = await NewModuleAsync(author, "Child S");

        var editor = await author.GetDocumentAsync($"/norfolk/author/modules/{moduleId}/sections/new");
        Assert.Contains("A diagram of who knew what, and when", editor.QuerySelector(".lh-image-picker")!.TextContent);

        var inserted = await author.SubmitFormAsync($"/norfolk/author/modules/{moduleId}/sections/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Summary",
            ["Input.Title"] = "Who knew what",
            ["Input.Body"] = "Several agencies held part of the picture.",
            ["insertImage"] = imageId.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, inserted.StatusCode);
        var page = await inserted.ParseAsync();
        Assert.Equal($"Several agencies held part of the picture.\n\n![](media:{imageId:D})\n", page.QuerySelector("#Input_Body")!.TextContent.Replace("\r\n", "\n").TrimStart('\n'));
        Assert.Equal("Who knew what", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector(".govuk-error-summary"));

        // The preview shows the picture itself, with the library's alt text.
        var preview = await author.SubmitFormAsync($"/norfolk/author/modules/{moduleId}/sections/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Summary",
            ["Input.Title"] = "Who knew what",
            ["Input.Body"] = $"Intro\n\n![](media:{imageId})",
            ["action"] = "preview",
        });
        var previewImage = (await preview.ParseAsync()).QuerySelector(".lh-markdown-preview picture img")!;
        Assert.Equal("A diagram of who knew what, and when", previewImage.GetAttribute("alt"));

        var saved = await author.SubmitFormAsync($"/norfolk/author/modules/{moduleId}/sections/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Summary",
            ["Input.Title"] = "Who knew what",
            ["Input.Body"] = $"Intro\n\n![](media:{imageId})",
            ["action"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task Saving_a_section_with_an_image_not_in_the_boards_library_is_refused_with_a_clear_message()
    {
        var essexImage = await UploadAsync(await AuthorAsync("essex"), "essex", 1202, "An Essex diagram");
        var author = await AuthorAsync();
        var moduleId = await NewModuleAsync(author, "Child T");
        var body = $"Text.\n\n![](media:{essexImage})\n\n![](media:not-an-id)";

        var response = await author.SubmitFormAsync($"/norfolk/author/modules/{moduleId}/sections/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Summary",
            ["Input.Title"] = "What happened",
            ["Input.Body"] = body,
            ["action"] = "save",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var summary = page.QuerySelector(".govuk-error-summary")!;
        Assert.Contains($"The images media:{essexImage}, media:not-an-id are not in this board's image library", summary.TextContent);
        Assert.Equal("#Input_Body", summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(body, page.QuerySelector("#Input_Body")!.TextContent.Replace("\r\n", "\n").TrimStart('\n'));
        Assert.Equal(0, await factory.WithBoardAsync("norfolk", db => db.Set<CaseSection>()
            .CountAsync(s => db.Set<CaseModuleVersion>().Any(v => v.Id == s.VersionId && v.ModuleId == moduleId))));
    }

    [Fact]
    public async Task A_section_shows_library_images_responsively_with_their_alt_text_and_unknown_ones_not_at_all()
    {
        var author = await AuthorAsync();
        var described = await UploadAsync(author, "norfolk", 1203, "Timeline of the agencies' contacts");
        var decorative = await UploadAsync(author, "norfolk", 1204, alt: null);
        await SetPublishedSectionBodyAsync("child-v",
            $"Before.\n\n![ignored text](media:{described})\n\n![](media:{decorative})\n\n![](media:{Guid.NewGuid()}) ![x](media:\"><script>alert(1)</script>)\n\nAfter.");
        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");

        var page = await practitioner.GetDocumentAsync("/norfolk/modules/child-v/sections/1");

        var main = page.QuerySelector("main")!;
        var pictures = main.QuerySelectorAll("picture");
        Assert.Equal(2, pictures.Length);
        var img = pictures[0].QuerySelector("img")!;
        Assert.Equal("Timeline of the agencies' contacts", img.GetAttribute("alt"));
        Assert.Contains("320w", img.GetAttribute("srcset"));
        Assert.Contains("1203w", img.GetAttribute("srcset"));
        Assert.Equal("(min-width: 641px) 640px, 100vw", img.GetAttribute("sizes"));
        Assert.Equal(("640", "319"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Contains(".webp 320w", pictures[0].QuerySelector("source")!.GetAttribute("srcset"));
        Assert.Equal("", pictures[1].QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal(2, main.QuerySelectorAll("img").Length);
        Assert.Empty(main.QuerySelectorAll("script"));
        Assert.DoesNotContain("media:", main.InnerHtml);
        Assert.Contains("After.", main.TextContent);
    }

    [Fact]
    public async Task An_image_shown_in_a_section_cannot_be_deleted_and_the_section_is_listed()
    {
        var author = await AuthorAsync();
        var imageId = await UploadAsync(author, "norfolk", 1205, "Who was told what");
        var title = await SetPublishedSectionBodyAsync("case-r", $"![](media:{imageId})");
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");

        var refused = await admin.SubmitFormAsync($"/norfolk/manage/media/{imageId}", new Dictionary<string, string>(), $"/norfolk/manage/media/{imageId}?handler=Delete");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var summary = (await refused.ParseAsync()).QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains($"In the section '{title}' of the case module", summary);
        Assert.True(await factory.WithBoardAsync("norfolk", db => db.Set<LearningHub.Media.Domain.MediaAsset>().AnyAsync(a => a.Id == imageId)));
    }
}
