using System.Net;
using LearningHub.Cases.Services;
using LearningHub.Core.Validation;
using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Hosting;

/// <summary>
/// Each class of hostile or careless input issue 16 found, through the real pages: a field error with what
/// was typed kept, never a crash or a "page not found".
/// </summary>
public sealed class HostileInputTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private static List<KeyValuePair<string, string>> EventFields(string title, string date, string format = "Online") =>
    [
        new("Input.Title", title),
        new("Input.Summary", "What the reviews found."),
        new("Input.Format", format),
        new("Input.JoiningLink", "https://teams.example/briefing"),
        // The date as yyyy-MM-dd, typed into the date input's boxes.
        new("Input.Date.Day", date.Split('-').ElementAtOrDefault(2) ?? ""),
        new("Input.Date.Month", date.Split('-').ElementAtOrDefault(1) ?? ""),
        new("Input.Date.Year", date.Split('-')[0]),
        new("Input.StartTime.Hour", "10"),
        new("Input.StartTime.Minute", "00"),
        new("Input.EndTime.Hour", "11"),
        new("Input.EndTime.Minute", "30"),
        new("Input.Capacity", "50"),
        new("Input.BookingClosesDaysBefore", "365"),
    ];

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1899-12-31")]
    public async Task An_event_date_outside_the_sensible_window_is_a_field_error_keeping_what_was_typed(string date)
    {
        var client = await SiteMap.VisitorAsync(factory, "admin@norfolk.demo");

        var response = await PostAsync(client, "/norfolk/events/manage/edit", EventFields("Far future briefing", date));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal(OutOfRange("The date of the event"), page.QuerySelector(".govuk-error-summary a[href='#Input_Date']")?.TextContent);
        Assert.Equal(date[..4], page.QuerySelector("[name='Input.Date.Year']")!.GetAttribute("value"));
        Assert.Equal("Input_Date", page.QuerySelector("[name='Input.Date.Year']")!.GetAttribute("id"));
        Assert.Equal("Far future briefing", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
    }

    private static string OutOfRange(string name) => $"{name} must be between 1 January 1900 and 31 December 2200";

    [Fact]
    public async Task A_format_posted_as_a_number_outside_the_enum_is_refused()
    {
        var client = await SiteMap.VisitorAsync(factory, "admin@norfolk.demo");

        var response = await PostAsync(client, "/norfolk/events/manage/edit", EventFields("Numbered format", "2030-03-09", format: "99"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.ParseAsync()).QuerySelector(".govuk-error-summary a[href='#Input_Format']"));
    }

    [Fact]
    public async Task A_reach_period_from_year_one_is_a_field_error()
    {
        var client = await SiteMap.VisitorAsync(factory, "admin@norfolk.demo");

        var page = await client.GetDocumentAsync("/norfolk/events/manage/reach?From.Day=1&From.Month=1&From.Year=0001&To.Day=31&To.Month=12&To.Year=9999");

        Assert.Contains(OutOfRange("The start of the period"), page.QuerySelector(".govuk-error-summary")?.TextContent);
        Assert.Contains(OutOfRange("The end of the period"), page.QuerySelector(".govuk-error-summary")?.TextContent);
    }

    [Fact]
    public async Task A_nul_character_in_a_field_is_removed_and_the_rest_of_the_form_comes_back()
    {
        var client = await SiteMap.VisitorAsync(factory, "admin@norfolk.demo");

        // No date, so the form comes back: with the title as typed, less its NUL.
        var response = await PostAsync(client, "/norfolk/events/manage/edit", EventFields("Brief\0ing", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#Input_Date']"));
        Assert.Equal("Briefing", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Markdown_nested_deeper_than_the_renderer_allows_is_a_field_error_on_save_and_on_preview()
    {
        var author = await SiteMap.VisitorAsync(factory, "author@norfolk.demo");
        var deep = new string('>', 300) + " too deep";
        var details = new Dictionary<string, string>
        {
            ["Input.Title"] = "Nested module",
            ["Input.ReviewType"] = "ChildSafeguardingPracticeReview",
            ["Input.Summary"] = "A summary of what happened.",
            ["Input.ContentWarning"] = "Describes the death of a baby.",
            ["Input.SupportSignposting"] = deep,
            ["Input.KeyMessages"] = "Ask who else lives in the home",
        };

        var refused = await author.SubmitFormAsync("/norfolk/author/modules/new", details);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await refused.ParseAsync();
        Assert.Contains(CaseMarkdown.TooDeeplyNested, refusedPage.QuerySelector(".govuk-error-summary a[href='#Input_SupportSignposting']")?.TextContent);
        Assert.Equal(deep, refusedPage.QuerySelector("#Input_SupportSignposting")!.TextContent.TrimStart('\n'));

        details["Input.SupportSignposting"] = "Talk to your manager.";
        var created = await author.SubmitFormAsync("/norfolk/author/modules/new", details);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/').Last();
        foreach (var action in new[] { "preview", "save" })
        {
            var section = await author.SubmitFormAsync($"/norfolk/author/modules/{id}/sections/new", new Dictionary<string, string>
            {
                ["Input.Kind"] = "Summary",
                ["Input.Title"] = "Deep",
                ["Input.Body"] = deep,
                ["action"] = action,
            });
            Assert.Equal(HttpStatusCode.OK, section.StatusCode);
            var page = await section.ParseAsync();
            Assert.Contains(CaseMarkdown.TooDeeplyNested, page.QuerySelector(".govuk-error-summary a[href='#Input_Body']")?.TextContent);
            Assert.Equal(deep, page.QuerySelector("#Input_Body")!.TextContent.TrimStart('\n'));
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields) =>
        await client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", await SiteMap.TokenAsync(client))]));
}
