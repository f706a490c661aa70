using LearningHub.Cases.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>
/// A review published in parts (<c>parted-v</c>, <c>parted-v-part-2</c>): each part's module page names the parts
/// in order by their own titles, links to the other, and shows the signed-in person which parts they have completed.
/// </summary>
public sealed class ModulePartsTests : IClassFixture<FixtureCasesFactory>, IAsyncLifetime
{
    private readonly FixtureCasesFactory _factory;

    public ModulePartsTests(FixtureCasesFactory factory) => _factory = factory;

    public Task InitializeAsync() => CaseFixtures.ApplyAsync(_factory.Services, "norfolk",
        CaseFixtures.ChildV("parted-v", "Parted V, part 1 of 2: the first episodes"), CaseFixtures.ChildV("parted-v-part-2", "Parted V, part 2 of 2: the later episodes"),
        CaseFixtures.ChildV("whole-v", "Whole V"));

    public Task DisposeAsync() => Task.CompletedTask;

    private static string[] Parts(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("#module-parts li").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToArray();

    [Fact]
    public async Task Each_part_names_the_parts_and_links_to_the_other()
    {
        var client = _factory.CreateBrowserClient();

        var first = await client.GetDocumentAsync("/norfolk/modules/parted-v");
        var second = await client.GetDocumentAsync("/norfolk/modules/parted-v-part-2");

        // Each part by its own title, once: not "Part 1 of 2: Parted V, part 1 of 2: the first episodes".
        Assert.Equal(["Part 1: The first episodes", "Part 2: The later episodes"], Parts(first));
        Assert.Equal("/norfolk/modules/parted-v-part-2", first.QuerySelector("#module-parts a")!.GetAttribute("href"));
        Assert.Equal("/norfolk/modules/parted-v", second.QuerySelector("#module-parts a")!.GetAttribute("href"));
        Assert.Null((await client.GetDocumentAsync("/norfolk/modules/whole-v")).GetElementById("module-parts"));
    }

    [Fact]
    public async Task A_signed_in_person_sees_which_parts_they_have_completed()
    {
        await _factory.WithBoardAsync("norfolk", async db =>
        {
            var userId = await db.Users.Where(u => u.Email == "practitioner@norfolk.demo").Select(u => u.Id).SingleAsync();
            var module = await db.Set<CaseModule>().SingleAsync(m => m.Slug == "parted-v");
            var now = DateTime.UtcNow;
            db.Add(new CaseProgress { UserId = userId, ModuleId = module.Id, VersionId = module.PublishedVersionId!.Value, StartedUtc = now, LastActivityUtc = now, CompletedUtc = now });
            return await db.SaveChangesAsync();
        });
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");

        var second = await client.GetDocumentAsync("/norfolk/modules/parted-v-part-2");

        Assert.Equal(["Part 1: The first episodes Completed", "Part 2: The later episodes"], Parts(second));
        Assert.Contains("You have completed 1 of 2 parts.", second.GetElementById("module-parts")!.TextContent);
    }
}
