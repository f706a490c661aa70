using System.Net;
using System.Text.Json;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Media.Services;
using LearningHub.Tests.Media;

namespace LearningHub.IntegrationTests.Media;

/// <summary>A server without libvips: the site runs, /health says what is missing, uploads are refused with a clear message.</summary>
public sealed class MediaWithoutLibvipsTests(MediaWithoutLibvipsTests.NoLibvipsFactory factory) : IClassFixture<MediaWithoutLibvipsTests.NoLibvipsFactory>
{
    [Fact]
    public async Task The_site_runs_and_health_says_image_uploads_are_refused_and_why()
    {
        var client = factory.CreateBrowserClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/norfolk")).StatusCode);
        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Degraded", json.RootElement.GetProperty("checks").GetProperty("images").GetString());
        var detail = json.RootElement.GetProperty("details").GetProperty("images").GetString();
        Assert.Contains("Image uploads are refused: libvips (libvips-not-installed.so.42) is not installed", detail);
        Assert.Contains("NetVips.Native.linux-x64", detail);
    }

    [Fact]
    public async Task Uploads_are_refused_with_a_clear_message()
    {
        var author = await factory.AuthorAsync();

        var library = await author.GetDocumentAsync("/norfolk/manage/media");
        var response = await author.SubmitUploadAsync("/norfolk/manage/media/upload", new Dictionary<string, string> { ["Input.AltText"] = "A chart" },
            ("Input.File", "chart.jpg", TestImages.Jpeg(100, 100)));

        Assert.Contains(MediaMessages.Unavailable, library.QuerySelector(".govuk-warning-text")!.TextContent);
        Assert.Null(library.QuerySelector("a[href='/norfolk/manage/media/upload']"));
        var page = await response.ParseAsync();
        Assert.Equal(MediaMessages.Unavailable, page.QuerySelector(".govuk-error-summary a[href='#Input_File']")!.TextContent);
        Assert.Equal("A chart", page.QuerySelector("#Input_AltText")!.TextContent);
    }

    public sealed class NoLibvipsFactory : MediaFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Media:Library"] = "libvips-not-installed.so.42" };
    }
}
