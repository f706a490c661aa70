using System.Collections.Concurrent;
using System.Net;
using LearningHub.Core.Hosting;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Media.Domain;
using LearningHub.Media.Services;
using LearningHub.Tests.Media;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Media;

/// <summary>
/// The app on Kestrel (the test server has no request body limit, so only Kestrel shows a body over its
/// 30MB default failing), recording for each request which posted files the host dropped as too large.
/// </summary>
public sealed class KestrelMediaFactory : MediaFactory
{
    public KestrelMediaFactory()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        // As localhost, a host the site's host filtering allows.
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new UriBuilder(address) { Host = "localhost" }.Uri;
    }

    public Uri Address { get; }

    /// <summary>For each POST, the file fields <see cref="IPostedFilesFeature"/> named as too large (empty when the host did not read the form).</summary>
    public ConcurrentQueue<IReadOnlySet<string>> DroppedFiles { get; } = new();

    /// <summary>A client over TCP that keeps cookies and, like the test server's, does not follow redirects.</summary>
    public override HttpClient CreateBrowserClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = Address };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new RecordDroppedFiles(DroppedFiles)));
    }

    private sealed class RecordDroppedFiles(ConcurrentQueue<IReadOnlySet<string>> dropped) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                await inner(context);
                if (HttpMethods.IsPost(context.Request.Method))
                {
                    dropped.Enqueue(context.Features.Get<IPostedFilesFeature>()?.TooLarge ?? new HashSet<string>());
                }
            });
            next(app);
        };
    }
}

public sealed class OversizedUploadTests(KestrelMediaFactory factory) : IClassFixture<KestrelMediaFactory>
{
    private const string UploadPage = "/norfolk/manage/media/upload";

    [Theory]
    [InlineData(12)] // over Media:MaxUploadBytes (10MB), under Kestrel's request limit
    [InlineData(35)] // over Kestrel's default request limit (30MB) too
    public async Task An_upload_over_the_limit_comes_back_with_the_message_and_what_was_typed(int megabytes)
    {
        var client = await factory.AuthorAsync();
        var before = await factory.WithBoardAsync("norfolk", db => db.Set<MediaAsset>().CountAsync());
        factory.DroppedFiles.Clear();
        var alt = $"Staff at the partnership day, {megabytes}MB photo";

        var response = await client.SubmitUploadAsync(UploadPage, new Dictionary<string, string> { ["Input.AltText"] = alt },
            ("Input.File", "partnership-day.jpg", [.. TestImages.Jpeg(800, 600), .. new byte[megabytes * 1024 * 1024]]));

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}\n{html[..Math.Min(html.Length, 2000)]}");
        var page = await response.ParseAsync();
        var message = MediaMessages.TooLarge(new MediaOptions().MaxUploadBytes);
        Assert.Equal("The selected file must be smaller than 10MB", message);
        Assert.Equal(message, page.QuerySelector(".govuk-error-summary a[href='#Input_File']")?.TextContent);
        Assert.Equal(alt, page.QuerySelector("textarea[name='Input.AltText']")?.TextContent.Trim());
        // The host read the form and dropped the file unkept: the page never had it.
        Assert.Equal(["Input.File"], Assert.Single(factory.DroppedFiles));
        Assert.Equal(before, await factory.WithBoardAsync("norfolk", db => db.Set<MediaAsset>().CountAsync()));
    }
}
