using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace LearningHub.IntegrationTests.Infrastructure;

/// <summary>Drives pages the way a browser does: GET the form, POST it back with its antiforgery token.</summary>
public static class PageClient
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{html[..Math.Min(html.Length, 2000)]}");
        return await Parser.ParseDocumentAsync(html);
    }

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Posts a form on the page at <paramref name="url"/> (the first form with a token) with the given fields.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetDocumentAsync(url);
        var token = page.QuerySelectorAll("main form input[name=__RequestVerificationToken]").OfType<IHtmlInputElement>().FirstOrDefault()?.Value
                    ?? throw new InvalidOperationException($"No antiforgery token in a form on {url}:\n{page.QuerySelector("main")?.InnerHtml}");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(action ?? url, new FormUrlEncodedContent(body));
    }

    public static async Task SignInAsync(this HttpClient client, string board, string email, string password = LearningHubFactory.DemoPassword)
    {
        var response = await client.SubmitFormAsync($"/{board}/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign in as {email} failed: {(int)response.StatusCode}");
    }
}
