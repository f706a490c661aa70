using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Hosting;

/// <summary>
/// Stylesheets and scripts come from MapStaticAssets: the layout links to fingerprinted addresses, which
/// are served precompressed (Brotli when asked) with a year-long immutable cache lifetime.
/// </summary>
public sealed class StaticAssetTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task The_stylesheets_arrive_brotli_compressed_with_an_immutable_year_long_cache_lifetime()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var page = await client.GetDocumentAsync("/norfolk");
        var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        // The base theme's, each module's that has one (Cases) and the board theme's.
        Assert.Equal(3, stylesheets.Count);

        foreach (var href in stylesheets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, href);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
            Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
            var cache = response.Headers.CacheControl!;
            Assert.Contains(cache.Extensions, e => e.Name == "immutable");
            Assert.True(cache.MaxAge >= TimeSpan.FromDays(365), $"{href}: max-age {cache.MaxAge}");

            await using var css = new BrotliStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
            var text = await new StreamReader(css).ReadToEndAsync();
            Assert.Contains("{", text);
            Assert.True(response.Content.Headers.ContentLength < text.Length, $"{href}: {response.Content.Headers.ContentLength} bytes sent for {text.Length}");
        }

        Assert.Contains(stylesheets, s => s.StartsWith("/_content/LearningHub.Theme.Base/lib/base.", StringComparison.Ordinal) && s != "/_content/LearningHub.Theme.Base/lib/base.css");
    }

    [Fact]
    public async Task A_client_that_asks_for_no_compression_gets_the_plain_file()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk");
        var href = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var response = await factory.CreateClient().GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains(".govuk-", await response.Content.ReadAsStringAsync());
    }
}
