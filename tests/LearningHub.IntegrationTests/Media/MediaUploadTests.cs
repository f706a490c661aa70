using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Media.Domain;
using LearningHub.Media.Services;
using LearningHub.Tests.Media;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Media;

public sealed class MediaUploadTests(MediaFactory factory) : IClassFixture<MediaFactory>
{
    private const string UploadPage = "/norfolk/manage/media/upload";

    private static Dictionary<string, string> Alt(string alt) => new() { ["Input.AltText"] = alt };

    private async Task<(HttpClient Client, Guid Id)> UploadAsync(byte[] bytes, string fileName, string alt, string board = "norfolk")
    {
        var client = await factory.AuthorAsync(board);
        var response = await client.SubmitUploadAsync($"/{board}/manage/media/upload", Alt(alt), ("Input.File", fileName, bytes));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"upload of {fileName}: {(int)response.StatusCode}\n{(await response.ParseAsync()).QuerySelector(".govuk-error-summary")?.TextContent}");
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        return (client, id);
    }

    private static IReadOnlyList<string> SrcSetUrls(IHtmlDocument page, string selector) =>
        page.QuerySelector(selector)!.GetAttribute("srcset")!.Split(',').Select(part => part.Trim().Split(' ')[0]).ToList();

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        return page.QuerySelector(".govuk-error-summary")?.TextContent ?? "(no error summary)";
    }

    [Fact]
    public async Task A_jpeg_with_gps_exif_is_stored_and_served_only_as_renditions_without_metadata()
    {
        var upload = TestImages.WithGpsExif(TestImages.Jpeg(1600, 1200));
        Assert.True(TestImages.HasExifOrSerial(upload));

        var (client, id) = await UploadAsync(upload, "ward-round.jpg", "A hospital ward round, seen from the nurses' station");

        var page = await client.GetDocumentAsync($"/norfolk/manage/media/{id}?uploaded=true");
        Assert.Contains("The image was uploaded", page.QuerySelector(".govuk-notification-banner")!.TextContent);
        var webp = SrcSetUrls(page, "main picture source[type='image/webp']");
        var jpeg = SrcSetUrls(page, "main picture img");
        Assert.Equal(3, webp.Count);
        Assert.Equal(3, jpeg.Count);
        var img = page.QuerySelector("main picture img")!;
        Assert.Equal("A hospital ward round, seen from the nurses' station", img.GetAttribute("alt"));
        Assert.Equal(("640", "480"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.NotNull(img.GetAttribute("sizes"));

        foreach (var url in webp.Concat(jpeg))
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.False(TestImages.HasExifOrSerial(bytes), $"{url} still carries EXIF");
            Assert.False(TestImages.Contains(bytes, "EXIF"u8), $"{url} has a WebP EXIF chunk");
            Assert.Equal(url.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : "image/jpeg", response.Content.Headers.ContentType!.MediaType);
        }

        // On disk too, and the original (which has the GPS position) was not kept: the board did not ask for it.
        var files = Directory.GetFiles(factory.MediaFolder("norfolk"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).StartsWith(webp[0].Split('/').Last()[..64], StringComparison.Ordinal)).ToList();
        Assert.Equal(6, files.Count);
        Assert.All(files, f => Assert.False(TestImages.HasExifOrSerial(File.ReadAllBytes(f)), f));
        Assert.False(Directory.Exists(Path.Combine(factory.MediaFolder("norfolk"), "originals")));
    }

    [Fact]
    public async Task Renditions_are_cached_forever_by_address_and_only_configured_widths_exist()
    {
        var (client, id) = await UploadAsync(TestImages.Jpeg(900, 600), "chart.jpg", "A bar chart of referrals by agency");
        var page = await client.GetDocumentAsync($"/norfolk/manage/media/{id}");
        var url = SrcSetUrls(page, "main picture source")[0];
        var anonymous = factory.CreateBrowserClient();

        var first = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", first.Headers.CacheControl!.ToString());
        var etag = first.Headers.ETag!;
        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);

        var hash = url.Split('/').Last()[..64];
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/norfolk/media/{hash}-640.jpg")).StatusCode);
        // 900 wide: 320, 640 and 1280 (made at 900) exist; nothing else can be asked for.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/norfolk/media/{hash}-1280.webp")).StatusCode);
        foreach (var other in new[] { $"{hash}-500.webp", $"{hash}-641.jpg", $"{hash}-320.png", $"{hash[..60]}-320.webp", $"{hash.ToUpperInvariant()}-320.webp" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/norfolk/media/{other}")).StatusCode);
        }

        // A query string changes nothing: the same stored rendition comes back, never a new size.
        Assert.Equal(await (await anonymous.GetAsync($"/norfolk/media/{hash}-320.webp")).Content.ReadAsByteArrayAsync(),
            await (await anonymous.GetAsync($"/norfolk/media/{hash}-320.webp?w=2000&h=2000")).Content.ReadAsByteArrayAsync());

        // Another board's address does not serve Norfolk's image.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/essex/media/{hash}-320.webp")).StatusCode);
    }

    [Fact]
    public async Task A_png_decompression_bomb_is_refused_from_its_header_with_the_message_the_user_sees()
    {
        var client = await factory.AuthorAsync();
        var bomb = TestImages.PngBomb(30_000, 30_000);
        var before = await factory.WithBoardAsync("norfolk", db => db.Set<MediaAsset>().CountAsync());

        var response = await client.SubmitUploadAsync(UploadPage, Alt("A pattern"), ("Input.File", "pattern.png", bomb));

        var page = await response.ParseAsync();
        var message = "The image is 30,000 × 30,000 pixels, which is too large to use. It must be 50 million pixels or fewer, for example 8,000 × 6,000";
        Assert.Equal(message, page.QuerySelector(".govuk-error-summary a[href='#Input_File']")!.TextContent);
        Assert.Contains(message, page.QuerySelector("#Input_File-error")!.TextContent);
        Assert.Equal("A pattern", page.QuerySelector("#Input_AltText")!.TextContent);
        Assert.Equal(before, await factory.WithBoardAsync("norfolk", db => db.Set<MediaAsset>().CountAsync()));
    }

    [Fact]
    public async Task A_text_file_renamed_jpg_is_refused_whatever_the_browser_says_it_is()
    {
        var client = await factory.AuthorAsync();

        var response = await client.SubmitUploadAsync(UploadPage, Alt("Photo of the team"),
            ("Input.File", "team-photo.jpg", "Minutes of the partnership meeting, not a photo."u8.ToArray()));

        Assert.Contains(MediaMessages.NotAnImage, await ErrorsAsync(response));
    }

    [Fact]
    public async Task Damaged_oversized_and_missing_files_each_get_their_own_message()
    {
        var client = await factory.AuthorAsync();
        var jpeg = TestImages.Jpeg(800, 600);

        var damaged = await client.SubmitUploadAsync(UploadPage, Alt("x"), ("Input.File", "cut.jpg", jpeg[..(jpeg.Length / 2)]));
        var tooLarge = await client.SubmitUploadAsync(UploadPage, Alt("x"), ("Input.File", "huge.jpg", [.. jpeg, .. new byte[11 * 1024 * 1024]]));
        var none = await client.SubmitUploadAsync(UploadPage, Alt("x"), null);

        Assert.Contains(MediaMessages.Unreadable, await ErrorsAsync(damaged));
        Assert.Contains("The selected file must be smaller than 10MB", await ErrorsAsync(tooLarge));
        Assert.Contains(MediaMessages.NoFile, await ErrorsAsync(none));
    }

    [Fact]
    public async Task Alt_text_is_required_unless_the_image_is_marked_decorative()
    {
        var client = await factory.AuthorAsync();
        var png = TestImages.Png(500, 200, alpha: true);

        var refused = await client.SubmitUploadAsync(UploadPage, Alt(""), ("Input.File", "divider.png", png));
        var refusedPage = await refused.ParseAsync();
        Assert.Equal(MediaMessages.AltTextMissing, refusedPage.QuerySelector(".govuk-error-summary a[href='#Input_AltText']")!.TextContent);

        var accepted = await client.SubmitUploadAsync(UploadPage, new Dictionary<string, string> { ["Input.AltText"] = "", ["Input.Decorative"] = "true" },
            ("Input.File", "divider.png", png));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var page = await client.GetDocumentAsync(accepted.Headers.Location!.OriginalString);
        Assert.Equal("", page.QuerySelector("main picture img")!.GetAttribute("alt"));
        // 500 wide: a 320 rendition and one at 500 (named 640); never enlarged.
        Assert.EndsWith(" 500w", page.QuerySelector("main picture img")!.GetAttribute("srcset"));
    }

    [Fact]
    public async Task The_library_lists_images_and_finds_them_by_name_or_alt_text()
    {
        var (client, _) = await UploadAsync(TestImages.Jpeg(400, 300, quality: 70), "roadshow-breckland.jpg", "Practitioners at the Breckland roadshow");
        await UploadAsync(TestImages.Jpeg(400, 300, quality: 60), "chronology.jpg", "Timeline of agency contacts with the family");

        var byName = await client.GetDocumentAsync("/norfolk/manage/media?q=BRECKLAND");
        var byAlt = await client.GetDocumentAsync("/norfolk/manage/media?q=agency contacts");
        var none = await client.GetDocumentAsync("/norfolk/manage/media?q=100%25");

        Assert.Equal(["roadshow-breckland.jpg"], byName.QuerySelectorAll("tbody tr td:nth-child(2) a").Select(a => a.TextContent));
        Assert.Equal(["chronology.jpg"], byAlt.QuerySelectorAll("tbody tr td:nth-child(2) a").Select(a => a.TextContent));
        Assert.NotNull(none.QuerySelector("#no-images"));
        Assert.NotNull(byName.QuerySelector("tbody picture img[srcset][sizes][width][height]"));
    }

    [Fact]
    public async Task An_image_in_use_cannot_be_deleted_and_the_places_are_listed()
    {
        var (client, id) = await UploadAsync(TestImages.Jpeg(640, 480, quality: 75), "cover.jpg", "Cover for the Child Q briefing");
        factory.Usages.Use(id, "Cover image of the case module ‘Child Q’", "cases/child-q");
        factory.Usages.Use(id, "Image of the event ‘Neglect roadshow, Norwich’");

        var details = await client.GetDocumentAsync($"/norfolk/manage/media/{id}");
        Assert.Equal(["Cover image of the case module ‘Child Q’", "Image of the event ‘Neglect roadshow, Norwich’"],
            details.QuerySelectorAll("ul[aria-labelledby='used-in'] li").Select(li => li.TextContent.Trim()));
        Assert.Equal("/norfolk/cases/child-q", details.QuerySelector("ul[aria-labelledby='used-in'] a")!.GetAttribute("href"));

        var refused = await client.SubmitFormAsync($"/norfolk/manage/media/{id}", new Dictionary<string, string>(), $"/norfolk/manage/media/{id}?handler=Delete");
        var summary = await ErrorsAsync(refused);
        Assert.Contains("This image cannot be deleted because it is used in: Cover image of the case module ‘Child Q’; Image of the event ‘Neglect roadshow, Norwich’", summary);
        Assert.NotNull(await factory.WithBoardAsync("norfolk", db => db.Set<MediaAsset>().SingleOrDefaultAsync(a => a.Id == id)));

        factory.Usages.Clear(id);
        var hash = (await factory.WithBoardAsync("norfolk", db => db.Set<MediaAsset>().SingleAsync(a => a.Id == id))).ContentHash;
        var deleted = await client.SubmitFormAsync($"/norfolk/manage/media/{id}", new Dictionary<string, string>(), $"/norfolk/manage/media/{id}?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var library = await client.GetDocumentAsync(deleted.Headers.Location!.OriginalString);
        Assert.Contains("‘cover.jpg’ was deleted", library.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Empty(Directory.GetFiles(factory.MediaFolder("norfolk"), $"{hash}*"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/norfolk/media/{hash}-320.webp")).StatusCode);

        // The upload and the delete are in the audit log; the refused delete is not.
        var audited = await factory.WithBoardAsync("norfolk", db => db.AuditEntries.AsNoTracking()
            .Where(e => e.TargetType == "MediaAsset" && e.TargetId == id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(["media.asset.deleted", "media.asset.uploaded"], audited.Order());
    }

    [Fact]
    public async Task Replacing_keeps_the_image_id_and_moves_it_to_new_addresses()
    {
        var (client, id) = await UploadAsync(TestImages.Jpeg(700, 500, quality: 85), "old-diagram.jpg", "Diagram of the referral pathway");
        var oldHash = (await factory.WithBoardAsync("norfolk", db => db.Set<MediaAsset>().SingleAsync(a => a.Id == id))).ContentHash;

        var notImage = await client.SubmitUploadAsync($"/norfolk/manage/media/{id}", new Dictionary<string, string>(),
            ("Replacement", "new.jpg", "hello"u8.ToArray()), $"/norfolk/manage/media/{id}?handler=Replace");
        Assert.Contains(MediaMessages.NotAnImage, await ErrorsAsync(notImage));

        var replaced = await client.SubmitUploadAsync($"/norfolk/manage/media/{id}", new Dictionary<string, string>(),
            ("Replacement", "new-diagram.webp", TestImages.WebP(1400, 1000)), $"/norfolk/manage/media/{id}?handler=Replace");
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);

        var asset = await factory.WithBoardAsync("norfolk", db => db.Set<MediaAsset>().SingleAsync(a => a.Id == id));
        Assert.NotEqual(oldHash, asset.ContentHash);
        Assert.Equal((1400, 1000, "new-diagram.webp", "Diagram of the referral pathway"), (asset.Width, asset.Height, asset.OriginalName, asset.AltText));
        Assert.Empty(Directory.GetFiles(factory.MediaFolder("norfolk"), $"{oldHash}*"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/norfolk/media/{asset.ContentHash}-1280.jpg")).StatusCode);
    }

    [Fact]
    public async Task A_board_that_keeps_originals_stores_the_uploaded_file()
    {
        var client = await factory.AuthorAsync("essex");
        await client.SubmitFormAsync("/essex/manage/media", new Dictionary<string, string> { ["KeepOriginals"] = "true" }, "/essex/manage/media?handler=Originals");

        var (_, id) = await UploadAsync(TestImages.Png(300, 300), "logo-draft.png", "Draft logo", "essex");

        var asset = await factory.WithBoardAsync("essex", db => db.Set<MediaAsset>().SingleAsync(a => a.Id == id));
        Assert.True(asset.OriginalKept);
        Assert.True(File.Exists(Path.Combine(factory.MediaFolder("essex"), "originals", $"{asset.ContentHash}.png")));
    }

    [Fact]
    public async Task Only_people_who_manage_images_see_the_library_and_only_their_boards_images()
    {
        var (author, id) = await UploadAsync(TestImages.Jpeg(330, 330), "norfolk-only.jpg", "Norfolk's own image");
        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var essexAuthor = await factory.AuthorAsync("essex");

        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync("/norfolk/manage/media")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync(UploadPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await essexAuthor.GetAsync($"/essex/manage/media/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/norfolk/manage/media/{id}")).StatusCode);
    }
}
