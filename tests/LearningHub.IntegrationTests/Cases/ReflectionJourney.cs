using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>Answers a section's reflective questions the way a practitioner does: through Forms' question pages, from the section page's links.</summary>
internal static class ReflectionJourney
{
    /// <summary>The "Answer the reflective questions" links the section page offers (forms not yet answered).</summary>
    public static async Task<IReadOnlyList<string>> LinksAsync(HttpClient client, string sectionUrl) =>
        (await client.GetDocumentAsync(sectionUrl)).QuerySelectorAll("main a.govuk-button[href*='/forms/']")
        .Select(a => a.GetAttribute("href")!).ToList();

    /// <summary>Fills in and sends every reflection form of the section; returns the confirmation pages' "Continue" addresses.</summary>
    public static async Task<IReadOnlyList<string>> AnswerAsync(HttpClient client, string sectionUrl, Func<int, string>? answer = null)
    {
        answer ??= i => $"My reflection on question {i + 1}.";
        var continues = new List<string>();
        foreach (var link in await LinksAsync(client, sectionUrl))
        {
            var url = (await client.GetDocumentAsync(link)).QuerySelector("a.govuk-button--start")!.GetAttribute("href")!;
            var asked = 0;
            while (!url.Contains("/check", StringComparison.Ordinal))
            {
                var page = await client.GetDocumentAsync(url);
                var fields = page.QuerySelectorAll("main form textarea, main form input[type=text]")
                    .ToDictionary(e => e.GetAttribute("name")!, _ => answer(asked++));
                var next = await client.SubmitFormAsync(url, fields);
                Assert.Equal(System.Net.HttpStatusCode.Redirect, next.StatusCode);
                url = next.Headers.Location!.OriginalString;
            }

            var sent = await client.SubmitFormAsync(url, new Dictionary<string, string>());
            var done = await client.GetDocumentAsync(sent.Headers.Location!.OriginalString);
            continues.Add(done.QuerySelector("main a.govuk-link")!.GetAttribute("href")!);
        }

        return continues;
    }
}
