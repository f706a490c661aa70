using System.Net;
using LearningHub.Events.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.IntegrationTests.Media;
using LearningHub.Tests.Media;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// A roadshow's cover image comes from the media library, shows on the roadshow page and beside its sessions on
/// the events list, and keeps its image from being deleted.
/// </summary>
public sealed class RoadshowCoverImageTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private const string AltText = "Practitioners from several agencies round a table at a roadshow";

    [Fact]
    public async Task A_coordinator_chooses_a_roadshow_cover_which_its_page_and_sessions_show_and_which_cannot_then_be_deleted()
    {
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var upload = await coordinator.SubmitUploadAsync("/norfolk/manage/media/upload",
            new Dictionary<string, string> { ["Input.AltText"] = AltText },
            ("Input.File", "roadshow-table.jpg", TestImages.Jpeg(1400, 900)));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var imageId = Guid.Parse(upload.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        var roadshow = await factory.WithBoardAsync("norfolk", db => db.Set<Roadshow>()
            .Where(r => r.Status == EventStatus.Published)
            .OrderBy(r => r.Title).Select(r => new { r.Id, r.Title }).FirstAsync());

        // The coordinator finds the page from the roadshow page.
        var roadshowPage = await coordinator.GetDocumentAsync($"/norfolk/events/roadshows/{roadshow.Id}");
        Assert.NotNull(roadshowPage.QuerySelector($"a[href='/norfolk/events/manage/roadshows/{roadshow.Id}/cover']"));
        var page = await coordinator.GetDocumentAsync($"/norfolk/events/manage/roadshows/{roadshow.Id}/cover");
        Assert.NotNull(page.QuerySelector($"input[type=radio][name=CoverImage][value='{imageId}']"));
        var saved = await coordinator.SubmitFormAsync($"/norfolk/events/manage/roadshows/{roadshow.Id}/cover",
            new Dictionary<string, string> { ["CoverImage"] = imageId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/norfolk/events/roadshows/{roadshow.Id}", saved.Headers.Location!.OriginalString);

        // The public roadshow page shows it responsively, with the library's alt text and its size.
        var publicPage = await factory.CreateBrowserClient().GetDocumentAsync($"/norfolk/events/roadshows/{roadshow.Id}");
        var img = publicPage.QuerySelector("main img")!;
        Assert.Equal(AltText, img.GetAttribute("alt"));
        Assert.Contains("640w", img.GetAttribute("srcset"));
        Assert.Equal("(min-width: 641px) 640px, 100vw", img.GetAttribute("sizes"));
        Assert.Equal(1400.0 / 900, double.Parse(img.GetAttribute("width")!) / double.Parse(img.GetAttribute("height")!), 2);
        Assert.Null(publicPage.QuerySelector("a[href$='/cover']"));

        // The events list shows it beside the roadshow's sessions (they have no cover of their own).
        var sessions = await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>()
            .Where(e => e.RoadshowId == roadshow.Id && e.Status == EventStatus.Published && e.CoverImageId == null)
            .Select(e => e.Id).ToListAsync());
        Assert.NotEmpty(sessions);
        var list = await coordinator.GetDocumentAsync("/norfolk/events");
        foreach (var session in sessions)
        {
            // The sessions are listed under their roadshow, its cover shown once for them.
            var item = list.QuerySelector($"main .lh-roadshow-session a[href='/norfolk/events/{session}']")!.Closest("li.lh-event-list__item")!;
            Assert.Equal(AltText, item.QuerySelector("img")!.GetAttribute("alt"));
            Assert.Contains("320w", item.QuerySelector("source")!.GetAttribute("srcset"));
        }

        // The library lists the roadshow where the image is used, and refuses to delete it.
        var library = await coordinator.GetDocumentAsync($"/norfolk/manage/media/{imageId}");
        Assert.Contains($"Cover image of the roadshow '{roadshow.Title}'", library.QuerySelector("main")!.TextContent);
        var refused = await coordinator.SubmitFormAsync($"/norfolk/manage/media/{imageId}", new Dictionary<string, string>(),
            $"/norfolk/manage/media/{imageId}?handler=Delete");
        var summary = (await refused.ParseAsync()).QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("This image cannot be deleted because it is used in", summary);
        Assert.Contains(roadshow.Title, summary);
        Assert.Equal(imageId, await factory.WithBoardAsync("norfolk", db => db.Set<Roadshow>().Where(r => r.Id == roadshow.Id).Select(r => r.CoverImageId).SingleAsync()));
    }

    [Fact]
    public async Task Only_an_image_of_the_boards_own_library_can_be_chosen_and_practitioners_cannot_choose_at_all()
    {
        var roadshow = await factory.WithBoardAsync("norfolk", db => db.Set<Roadshow>().OrderBy(r => r.Title).Select(r => new { r.Id, r.CoverImageId }).FirstAsync());
        var roadshowId = roadshow.Id;
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");

        var response = await coordinator.SubmitFormAsync($"/norfolk/events/manage/roadshows/{roadshowId}/cover",
            new Dictionary<string, string> { ["CoverImage"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("#CoverImage", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal(MediaImageChoiceText, page.QuerySelector("#CoverImage-error")!.TextContent.Replace("Error:", "").Trim());
        Assert.Equal(roadshow.CoverImageId, await factory.WithBoardAsync("norfolk", db => db.Set<Roadshow>().Where(r => r.Id == roadshowId).Select(r => r.CoverImageId).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/norfolk/events/manage/roadshows/{Guid.NewGuid()}/cover")).StatusCode);

        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync($"/norfolk/events/manage/roadshows/{roadshowId}/cover")).StatusCode);
    }

    private const string MediaImageChoiceText = LearningHub.Media.Services.MediaImageChoice.NotOffered;
}
