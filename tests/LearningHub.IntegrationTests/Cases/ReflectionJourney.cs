using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>Answers a section's reflective questions the way a practitioner does: at the end of the section, on the section page.</summary>
internal static class ReflectionJourney
{
    /// <summary>The answer fields the section page shows (questions not yet answered).</summary>
    public static async Task<IReadOnlyList<string>> FieldsAsync(HttpClient client, string sectionUrl) =>
        (await client.GetDocumentAsync(sectionUrl)).QuerySelectorAll("main form textarea, main form input[type=text]")
        .Select(e => e.GetAttribute("name")!).ToList();

    /// <summary>Fills in every question of the section and posts the page (which saves the answers and marks the section done).</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, string sectionUrl, Func<int, string>? answer = null)
    {
        answer ??= i => $"My reflection on question {i + 1}.";
        var asked = 0;
        var fields = (await FieldsAsync(client, sectionUrl)).ToDictionary(name => name, _ => answer(asked++));
        var sent = await client.SubmitFormAsync(sectionUrl, fields);
        Assert.True(sent.StatusCode == System.Net.HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());
        return sent;
    }
}
