using AngleSharp.Dom;
using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>
/// A recommendation in lettered parts with lists (Case Y's 6 in the Norfolk recipe) and a rationale of two
/// paragraphs (Child V's) keep their line breaks wherever they are shown: the module's recommendations section,
/// the board's recommendations list and the recommendation's own page. The text is shown as the review wrote it,
/// encoded, in an element that keeps its lines (<c>lh-keep-lines</c>, <c>white-space: pre-line</c> in cases.css).
/// </summary>
public sealed class RecommendationLineBreaksTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private static void KeepsLines(IElement element, string expected)
    {
        Assert.Contains(expected, element.TextContent);
        Assert.Contains("lh-keep-lines", element.ClassList);
    }

    [Fact]
    public async Task Lettered_parts_lists_and_rationales_keep_their_lines_on_every_page()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "admin@norfolk.demo");
        const string parts = "Proactive multi-agency engagement in line with statutory requirements\n\nRecommendation 6b:";

        var module = await client.GetDocumentAsync("/norfolk/modules/case-y/sections/12");
        KeepsLines(module.QuerySelectorAll("main .lh-keep-lines").Single(e => e.TextContent.Contains("Recommendation 6a")), parts);

        var list = await client.GetDocumentAsync("/norfolk/recommendations");
        KeepsLines(list.QuerySelectorAll("#recommendations td").Single(td => td.TextContent.Contains("Recommendation 6a")), parts);

        var page = await client.GetDocumentAsync("/norfolk/recommendations/case-y/6");
        KeepsLines(page.GetElementById("recommendation-text")!, parts);

        var rationale = (await client.GetDocumentAsync("/norfolk/recommendations/child-v-part-2/1")).GetElementById("recommendation-rationale")!;
        KeepsLines(rationale, "not prioritised by the partnership\n\nAssociated lines of enquiry:");
    }
}
