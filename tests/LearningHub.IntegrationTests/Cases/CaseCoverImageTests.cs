using System.Net;
using LearningHub.Cases.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.IntegrationTests.Media;
using LearningHub.Tests.Media;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>A case module's cover image comes from the media library, shows in the catalogue, and keeps its image from being deleted.</summary>
public sealed class CaseCoverImageTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    /// <param name="width">Each test's image is its own (the library refuses the same image twice).</param>
    private async Task<(HttpClient Author, Guid ImageId, Guid ModuleId)> CoverChildVAsync(int width)
    {
        var author = factory.CreateBrowserClient();
        await author.SignInAsync("norfolk", "author@norfolk.demo");
        var upload = await author.SubmitUploadAsync("/norfolk/manage/media/upload",
            new Dictionary<string, string> { ["Input.AltText"] = "A health visitor and an interpreter talking with a mother" },
            ("Input.File", "cover.jpg", TestImages.Jpeg(width, 1000)));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var imageId = Guid.Parse(upload.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        var moduleId = await factory.WithBoardAsync("norfolk", db => db.Set<CaseModule>().Where(m => m.Slug == "child-v").Select(m => m.Id).SingleAsync());

        var saved = await author.SubmitFormAsync($"/norfolk/author/modules/{moduleId}/cover", new Dictionary<string, string> { ["CoverImage"] = imageId.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return (author, imageId, moduleId);
    }

    [Fact]
    public async Task The_catalogue_shows_the_cover_with_its_alt_text_and_responsive_sources()
    {
        await CoverChildVAsync(1600);

        var catalogue = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/modules");

        var item = catalogue.QuerySelectorAll("main li").Single(li => li.QuerySelector("h3")?.TextContent.Trim() == "Child V, part 1 of 2: episodes 1 and 2");
        var image = item.QuerySelector("img")!;
        Assert.Equal("A health visitor and an interpreter talking with a mother", image.GetAttribute("alt"));
        Assert.Contains("320w", item.QuerySelector("source")?.GetAttribute("srcset") ?? image.GetAttribute("srcset"));
        Assert.NotNull(image.GetAttribute("width"));
        Assert.NotNull(image.GetAttribute("height"));
    }

    [Fact]
    public async Task An_image_used_as_a_cover_cannot_be_deleted_and_says_where_it_is_used()
    {
        var (author, imageId, _) = await CoverChildVAsync(1500);

        var details = await author.GetDocumentAsync($"/norfolk/manage/media/{imageId}");

        Assert.Contains("Cover image of the case module 'Child V, part 1 of 2: episodes 1 and 2'", details.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Only_an_image_of_the_boards_own_library_can_be_chosen()
    {
        var author = factory.CreateBrowserClient();
        await author.SignInAsync("norfolk", "author@norfolk.demo");
        var moduleId = await factory.WithBoardAsync("norfolk", db => db.Set<CaseModule>().Where(m => m.Slug == "case-r").Select(m => m.Id).SingleAsync());

        var response = await author.SubmitFormAsync($"/norfolk/author/modules/{moduleId}/cover", new Dictionary<string, string> { ["CoverImage"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Choose one of the images in the list", page.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Null(await factory.WithBoardAsync("norfolk", db => db.Set<CaseModule>().Where(m => m.Id == moduleId).Select(m => m.CoverImageId).SingleAsync()));
    }
}
