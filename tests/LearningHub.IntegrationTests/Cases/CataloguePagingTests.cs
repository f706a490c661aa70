using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>The catalogue shows 20 modules a page with GOV.UK pagination that keeps the filters.</summary>
public sealed class CataloguePagingTests(FixtureCasesFactory factory) : IClassFixture<FixtureCasesFactory>
{
    [Fact]
    public async Task Twenty_five_modules_make_two_pages_and_the_links_keep_the_filters()
    {
        await CaseFixtures.ApplyAsync(factory.Services, "norfolk", Enumerable.Range(1, 25)
            .Select(i => CaseFixtures.Module($"paged-{i}", $"Paged {i:00}", "Neglect of a child.", ["professional-curiosity"], ["neglect"])).ToArray());
        var client = factory.CreateBrowserClient();

        var first = await client.GetDocumentAsync("/norfolk/modules?topic=neglect");
        Assert.Equal(20, first.QuerySelectorAll("main h3 a").Length);
        Assert.Equal("25 modules, page 1 of 2", first.QuerySelector("#results-heading")!.TextContent.Trim());
        Assert.Equal("/norfolk/modules?topic=neglect&page=2", first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href"));

        var second = await client.GetDocumentAsync("/norfolk/modules?topic=neglect&page=2");
        Assert.Equal(5, second.QuerySelectorAll("main h3 a").Length);
        Assert.Equal("page", second.QuerySelector(".govuk-pagination__item--current a")!.GetAttribute("aria-current"));

        // A page past the end, or not a number, shows a real page rather than an error.
        Assert.Equal(5, (await client.GetDocumentAsync("/norfolk/modules?topic=neglect&page=9")).QuerySelectorAll("main h3 a").Length);
        Assert.Equal(20, (await client.GetDocumentAsync("/norfolk/modules?topic=neglect&page=x")).QuerySelectorAll("main h3 a").Length);
    }
}
