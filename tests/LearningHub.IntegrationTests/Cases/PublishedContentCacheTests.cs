using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>
/// A published version's content is loaded and rendered once and shared (PublishedVersions); each
/// person's progress on the module page is still their own, and a newly published version (or content
/// a recipe put in place of a version nobody started) shows at once, also to a signed-in person, whose module page
/// and catalogue come from memory (CaseCatalogue.PublishedAsync, CatalogueListings) under the board's public-page version.
/// </summary>
public sealed class PublishedContentCacheTests(FixtureCasesFactory factory) : IClassFixture<FixtureCasesFactory>
{
    [Fact]
    public async Task Each_person_sees_their_own_progress_on_a_module_page_whose_content_is_cached()
    {
        await CaseFixtures.ApplyAsync(factory.Services, "norfolk", CaseFixtures.ChildV("cached-progress"));
        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");

        // Both pages are rendered (and the content cached) before anybody has done anything.
        foreach (var client in new[] { practitioner, coordinator })
        {
            var before = await client.GetDocumentAsync("/norfolk/modules/cached-progress");
            Assert.Contains("Not yet started", before.QuerySelector("#section-2-status")!.TextContent);
            Assert.Contains("You have completed 0 of 3 sections", before.QuerySelector("main")!.TextContent);
            Assert.Contains("Talk to your line manager", before.QuerySelector(".govuk-inset-text")!.TextContent);
        }

        var done = await practitioner.SubmitFormAsync("/norfolk/modules/cached-progress/sections/2", new Dictionary<string, string>());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, done.StatusCode);

        var mine = await practitioner.GetDocumentAsync("/norfolk/modules/cached-progress");
        Assert.Contains("Completed", mine.QuerySelector("#section-2-status")!.TextContent);
        Assert.Contains("You have completed 1 of 3 sections", mine.QuerySelector("main")!.TextContent);
        Assert.Contains("reflective questions to answer", mine.QuerySelectorAll(".govuk-task-list__hint")[0].TextContent);

        var theirs = await coordinator.GetDocumentAsync("/norfolk/modules/cached-progress");
        Assert.Contains("Not yet started", theirs.QuerySelector("#section-2-status")!.TextContent);
        Assert.Contains("You have completed 0 of 3 sections", theirs.QuerySelector("main")!.TextContent);

        var signedOut = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/modules/cached-progress");
        Assert.DoesNotContain("You have completed", signedOut.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_newly_published_version_shows_at_once()
    {
        await CaseFixtures.ApplyAsync(factory.Services, "norfolk", CaseFixtures.ChildV("cached-versions", "First wording"));
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        Assert.Equal("First wording", Heading(await client.GetDocumentAsync("/norfolk/modules/cached-versions")));

        // Nobody has started it: the recipe's new content goes in place of version 1 (same version id).
        await CaseFixtures.ApplyAsync(factory.Services, "norfolk", CaseFixtures.ChildV("cached-versions", "Second wording"));
        Assert.Equal("Second wording", Heading(await client.GetDocumentAsync("/norfolk/modules/cached-versions")));

        // Once someone has started it, new content is published as version 2.
        await client.GetDocumentAsync("/norfolk/modules/cached-versions/sections/1");
        await CaseFixtures.ApplyAsync(factory.Services, "norfolk", CaseFixtures.ChildV("cached-versions", "Third wording"));
        var page = await client.GetDocumentAsync("/norfolk/modules/cached-versions");
        Assert.Equal("Third wording", Heading(page));
        Assert.NotNull(page.QuerySelector("a[href='/norfolk/modules/cached-versions/changes']"));
    }

    [Fact]
    public async Task The_signed_in_catalogue_is_read_from_memory_and_shows_a_newly_published_module_at_once()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        await client.GetDocumentAsync("/norfolk/modules");
        using (var counter = new CommandCounter(factory.DataPath))
        {
            await client.GetDocumentAsync("/norfolk/modules");
            Assert.True(counter.Commands.Count == 0, $"{counter.Commands.Count} commands:\n" + string.Join("\n---\n", counter.Commands));
        }

        await CaseFixtures.ApplyAsync(factory.Services, "norfolk", CaseFixtures.ChildV("cached-catalogue", "Newly in the catalogue"));

        var after = await client.GetDocumentAsync("/norfolk/modules");
        Assert.NotNull(after.QuerySelector("main a[href='/norfolk/modules/cached-catalogue']"));
    }

    private static string Heading(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("h1")!.TextContent.Trim();
}
