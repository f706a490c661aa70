using LearningHub.Core.Boards;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Boards;

/// <summary>The accessibility statement in the model form, with the board's details and its own notes from its settings.</summary>
public sealed class AccessibilityStatementTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task The_statement_has_the_model_sections_with_the_boards_details_and_claims_only_partial_compliance()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/essex/accessibility");
        var main = page.QuerySelector("main")!.TextContent;

        Assert.Equal(
            ["How accessible this website is", "Feedback and contact information", "Reporting accessibility problems with this website",
             "Enforcement procedure", "Technical information about this website's accessibility", "Non-accessible content",
             "What we're doing to improve accessibility", "Preparation of this accessibility statement"],
            page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard", main);
        Assert.DoesNotContain("fully compliant", main);
        Assert.Contains("This website is run by Essex Safeguarding Children Board", main);
        Assert.NotNull(page.QuerySelector("#feedback ~ ul a[href='mailto:escb@essex.example']"));
        Assert.Contains("call 0333 000 0000", main);
        Assert.Contains("Equality Advisory and Support Service", main);
        Assert.Contains("This statement was prepared on 4 December 2026", main);
        Assert.Contains("checked with axe-core against the WCAG 2.2 level A and AA rules", main);
        Assert.Contains("has not yet recorded manual testing", main);
    }

    [Fact]
    public async Task What_the_board_records_in_its_settings_appears_in_the_statement()
    {
        await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var settings = services.GetRequiredService<BoardSettingsChanges>();
            return await settings.SaveAsync(await settings.CurrentAsync() with
            {
                AccessibilityNotesText = "In November 2026 a screen reader user tested booking an event with NVDA.\n\nThe event map has no text alternative.",
            });
        });

        var main = (await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/accessibility")).QuerySelector("main")!.TextContent;

        Assert.Contains("tested booking an event with NVDA", main);
        Assert.Contains("The event map has no text alternative", main);
        Assert.DoesNotContain("has not yet recorded manual testing", main);
    }
}
