using System.Net;
using LearningHub.Events.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.IntegrationTests.Media;
using LearningHub.Tests.Media;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Events;

/// <summary>An event's cover image comes from the media library, shows on the list and the event page, and keeps its image from being deleted.</summary>
public sealed class EventCoverImageTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private const string AltText = "A coordinator welcoming practitioners to a roadshow";

    [Fact]
    public async Task A_coordinator_chooses_a_cover_which_the_list_and_event_page_show_and_which_cannot_then_be_deleted()
    {
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var upload = await coordinator.SubmitUploadAsync("/norfolk/manage/media/upload",
            new Dictionary<string, string> { ["Input.AltText"] = AltText },
            ("Input.File", "roadshow.jpg", TestImages.Jpeg(1400, 900)));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var imageId = Guid.Parse(upload.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        var ev = await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().Where(e => e.Status == EventStatus.Published)
            .OrderBy(e => e.StartUtc).Select(e => new { e.Id, e.Title }).FirstAsync());

        var page = await coordinator.GetDocumentAsync($"/norfolk/events/manage/{ev.Id}/cover");
        Assert.NotNull(page.QuerySelector($"input[type=radio][name=CoverImage][value='{imageId}']"));
        var saved = await coordinator.SubmitFormAsync($"/norfolk/events/manage/{ev.Id}/cover", new Dictionary<string, string> { ["CoverImage"] = imageId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The list (signed in, so never from the output cache) and the event page show it, responsive and with its alt text.
        var list = await coordinator.GetDocumentAsync("/norfolk/events");
        // Its own cover is beside it, whether it stands alone or is a session under its roadshow.
        var item = list.QuerySelector($"main a[href='/norfolk/events/{ev.Id}']")!.Closest("li")!;
        Assert.Equal(AltText, item.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Contains("320w", item.QuerySelector("source")?.GetAttribute("srcset") ?? item.QuerySelector("img")!.GetAttribute("srcset"));
        var details = await factory.CreateBrowserClient().GetDocumentAsync($"/norfolk/events/{ev.Id}");
        Assert.Equal(AltText, details.QuerySelector("main img")!.GetAttribute("alt"));

        // The list's covers are remembered (EventListExtras), but a change to the image shows at once.
        await factory.WithBoardAsync("norfolk", async db =>
        {
            (await db.Set<LearningHub.Media.Domain.MediaAsset>().SingleAsync(a => a.Id == imageId)).AltText = "Practitioners at a roadshow, seated";
            return await db.SaveChangesAsync();
        });
        var relisted = await coordinator.GetDocumentAsync("/norfolk/events");
        Assert.Equal("Practitioners at a roadshow, seated",
            relisted.QuerySelector($"main a[href='/norfolk/events/{ev.Id}']")!.Closest("li")!.QuerySelector("img")!.GetAttribute("alt"));

        var library = await coordinator.GetDocumentAsync($"/norfolk/manage/media/{imageId}");
        Assert.Contains($"Cover image of the event '{ev.Title}", library.QuerySelector("main")!.TextContent);
        var refused = await coordinator.SubmitFormAsync($"/norfolk/manage/media/{imageId}", new Dictionary<string, string>(), $"/norfolk/manage/media/{imageId}?handler=Delete");
        Assert.Contains("This image cannot be deleted because it is used in", (await refused.ParseAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
    }

    [Fact]
    public async Task Only_an_image_of_the_boards_own_library_can_be_chosen_and_practitioners_cannot_choose_at_all()
    {
        var eventId = await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().Select(e => e.Id).FirstAsync());
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");

        var response = await coordinator.SubmitFormAsync($"/norfolk/events/manage/{eventId}/cover", new Dictionary<string, string> { ["CoverImage"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("#CoverImage", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Null(await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().Where(e => e.Id == eventId).Select(e => e.CoverImageId).SingleAsync()));

        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync($"/norfolk/events/manage/{eventId}/cover")).StatusCode);
    }
}
