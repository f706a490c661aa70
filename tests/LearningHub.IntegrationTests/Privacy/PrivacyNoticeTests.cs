using LearningHub.Core.Boards;
using LearningHub.Core.Privacy;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Privacy;

/// <summary>
/// The board's privacy notice: the controller and its contact, the lawful bases the board states, what each module
/// keeps and for how long as the board's retention settings say now, and links to the pages where people use
/// their rights. Linked from every page's footer.
/// </summary>
public sealed class PrivacyNoticeTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private static string MainText(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("main")!.TextContent;

    [Fact]
    public async Task The_notice_lists_the_retention_periods_the_board_has_set_and_follows_a_change_at_once()
    {
        var visitor = factory.CreateBrowserClient();
        var before = MainText(await visitor.GetDocumentAsync("/norfolk/privacy"));
        Assert.Contains("6 years after the event ends", before);
        Assert.Contains("An account whose email address is never confirmed is deleted 30 days after registration", before);
        Assert.Contains("90 days after it is sent", before);
        Assert.Contains("6 years after you submit them", before);

        await factory.WithBoardServicesAsync("norfolk", services => services.GetRequiredService<RetentionSettingsChanges>().SaveAsync(
            new Dictionary<RetentionRule, RetentionPeriod>
            {
                [RetentionRule.Attendance] = new(3, RetentionUnit.Years),
                [RetentionRule.UnconfirmedAccounts] = new(14, RetentionUnit.Days),
                [RetentionRule.MailBodies] = new(6, RetentionUnit.Months),
                [RetentionRule.NamedAnswers] = new(1, RetentionUnit.Years),
            }));

        var after = MainText(await visitor.GetDocumentAsync("/norfolk/privacy"));
        Assert.Contains("3 years after the event ends", after);
        Assert.DoesNotContain("6 years after the event ends", after);
        Assert.Contains("deleted 14 days after registration", after);
        Assert.Contains("6 months after it is sent", after);
        Assert.Contains("1 year after you submit them", after);
        // Essex's settings are its own.
        Assert.Contains("6 years after the event ends", MainText(await visitor.GetDocumentAsync("/essex/privacy")));
    }

    [Fact]
    public async Task The_notice_names_the_controller_the_boards_lawful_bases_every_module_and_where_to_use_each_right()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/privacy");
        var main = MainText(page);

        Assert.Contains("Norfolk Safeguarding Children Board is the data controller", main);
        Assert.NotNull(page.QuerySelector("main a[href='mailto:nscb@norfolk.example']"));
        // The recipe states the lawful basis; the code asserts none of its own.
        Assert.Contains("Article 6(1)(e)", page.QuerySelector("#lawful-bases")!.NextElementSibling!.TextContent);

        var headings = page.QuerySelectorAll("main h3").Select(h => h.TextContent.Trim()).ToList();
        await using var scope = factory.Services.CreateAsyncScope();
        var sources = scope.ServiceProvider.GetServices<IPersonalDataSource>().Select(s => s.Name).Prepend("Your account").ToList();
        Assert.True(sources.Count >= 5, string.Join(", ", sources));
        Assert.Equal(sources.Order(StringComparer.Ordinal), headings.Order(StringComparer.Ordinal));

        var links = page.QuerySelectorAll("#your-rights ~ ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/norfolk/account/your-data", links);
        Assert.Contains("/norfolk/account/delete", links);
        Assert.Contains("/norfolk/account", links);
        Assert.Contains("Information Commissioner's Office", main);
        Assert.NotNull((await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/modules")).QuerySelector("footer a[href='/norfolk/privacy']"));
    }

    [Fact]
    public async Task Without_a_statement_of_lawful_bases_the_notice_says_so_and_a_statement_is_shown_as_text()
    {
        await factory.WithBoardServicesAsync("essex", async services =>
        {
            var settings = services.GetRequiredService<BoardSettingsChanges>();
            return await settings.SaveAsync(await settings.CurrentAsync() with { LawfulBasisText = null });
        });
        Assert.Contains("has not yet set out here the lawful bases", MainText(await factory.CreateBrowserClient().GetDocumentAsync("/essex/privacy")));

        await factory.WithBoardServicesAsync("essex", async services =>
        {
            var settings = services.GetRequiredService<BoardSettingsChanges>();
            return await settings.SaveAsync(await settings.CurrentAsync() with { LawfulBasisText = "Public task.\n\n<script>alert(1)</script><a href=\"javascript:alert(2)\">x</a>" });
        });
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/essex/privacy");
        Assert.Empty(page.QuerySelectorAll("main script, main a[href^='javascript']"));
        Assert.Contains("<script>alert(1)</script>", MainText(page));
    }
}
