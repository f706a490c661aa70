using System.Net;
using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Hosting;

/// <summary>
/// Every endpoint the app maps, with every HTTP method, signed out and as each role, with a valid
/// antiforgery token: nothing answers 5xx. A method a page has no handler for is 405 (with Allow), an
/// unknown handler name 404.
/// </summary>
public sealed class EndpointSweepTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private static readonly HttpMethod[] Methods = [HttpMethod.Get, HttpMethod.Head, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];

    [Fact]
    public async Task No_endpoint_answers_any_method_with_a_server_error_for_any_visitor()
    {
        var map = await SiteMap.ReadAsync(factory);
        Assert.Contains(map.Urls, url => url.StartsWith("/norfolk/events/", StringComparison.Ordinal));
        var failures = new List<string>();
        foreach (var visitor in SiteMap.Visitors)
        {
            using var client = await SiteMap.VisitorAsync(factory, visitor);
            var token = await SiteMap.TokenAsync(client);
            foreach (var url in map.Urls)
            {
                foreach (var method in Methods)
                {
                    using var request = new HttpRequestMessage(method, url);
                    if (method != HttpMethod.Get && method != HttpMethod.Head)
                    {
                        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
                    }

                    using var response = await client.SendAsync(request);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{method} {url} as {visitor ?? "signed out"}: {(int)response.StatusCode} {await SiteMap.ErrorAsync(response)}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} server errors:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public async Task A_method_a_page_does_not_handle_is_405_with_what_it_allows()
    {
        var map = await SiteMap.ReadAsync(factory);
        using var client = await SiteMap.VisitorAsync(factory, null);
        var token = await SiteMap.TokenAsync(client);
        var details = $"/norfolk/events/{map.Ids["event"]}";
        Assert.Contains(details, map.Urls);

        using var post = await client.PostAsync(details, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(["GET", "HEAD"], post.Content.Headers.Allow.Order());

        // An unknown handler name: GET still runs the page's GET handler (Razor Pages' rule), other methods are refused.
        using var unknownHandler = await client.GetAsync(details + "?handler=nothing");
        Assert.Equal(HttpStatusCode.OK, unknownHandler.StatusCode);
        using var unknownPut = await client.PutAsync(details + "?handler=nothing", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, unknownPut.StatusCode);

        // A page with handlers for POST still answers GET and POST, and names them when asked to DELETE.
        using var delete = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/norfolk/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        });
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Contains("POST", delete.Content.Headers.Allow);
        Assert.Contains("GET", delete.Content.Headers.Allow);
    }
}
