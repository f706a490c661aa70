using System.Net;
using LearningHub.Cases.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.IntegrationTests.Privacy;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>
/// A signed-out visitor's board home, catalogue and module pages come from memory (<c>PublicPageCache</c>); a
/// change to what they show is seen by the next visitor at once, saving a person's own records does not throw
/// the copies away, and a signed-in person always gets their own page.
/// </summary>
public sealed class PublicPageCacheTests(PublicPageCacheTests.LongCacheFactory factory) : IClassFixture<PublicPageCacheTests.LongCacheFactory>
{
    /// <summary>No background work (every command counted is the page's) and copies that cannot run out mid-test.</summary>
    public sealed class LongCacheFactory : LearningHubFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Notifications:DispatcherEnabled"] = "false",
            ["Events:WaitlistJobEnabled"] = "false",
            ["Retention:JobEnabled"] = "false",
            ["Events:BookingWarmUpEnabled"] = "false",
            ["LearningHub:PublicPageCacheTime"] = "00:10:00",
        };
    }

    private async Task<string> FirstModuleAsync(string board)
    {
        var catalogue = await factory.CreateBrowserClient().GetDocumentAsync($"/{board}/modules");
        return catalogue.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).First(h => h.StartsWith($"/{board}/modules/", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> FetchAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
        return response;
    }

    [Fact]
    public async Task Signed_out_pages_are_served_from_memory_and_a_signed_in_person_gets_their_own()
    {
        var module = await FirstModuleAsync("norfolk");
        string[] pages = ["/norfolk", "/norfolk/modules", "/norfolk/modules?Query=neglect", module];
        var visitor = factory.CreateBrowserClient();
        foreach (var page in pages)
        {
            await FetchAsync(visitor, page);
        }

        using (var counter = new CommandCounter(factory.DataPath))
        {
            foreach (var page in pages)
            {
                var again = await FetchAsync(visitor, page);
                Assert.True(again.Headers.Contains("Age"), $"{page} was not served from the cache");
                Assert.False(again.Headers.Contains("Set-Cookie"));
            }

            Assert.True(counter.Commands.Count == 0, $"{counter.Commands.Count} commands:\n" + string.Join("\n---\n", counter.Commands));
        }

        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");
        foreach (var page in pages)
        {
            var signedIn = await FetchAsync(practitioner, page);
            Assert.False(signedIn.Headers.Contains("Age"), $"{page} came from the cache for a signed-in person");
            Assert.Contains("Sign out", await signedIn.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_module_withdrawn_is_gone_for_the_next_visitor_and_another_boards_copies_stay()
    {
        var module = await FirstModuleAsync("norfolk");
        var slug = module.Split('/').Last();
        var essexModule = await FirstModuleAsync("essex");
        var visitor = factory.CreateBrowserClient();
        await FetchAsync(visitor, module);
        await FetchAsync(visitor, essexModule);
        Assert.True((await FetchAsync(visitor, module)).Headers.Contains("Age"));

        try
        {
            await factory.WithBoardAsync("norfolk", async db =>
            {
                var row = await db.Set<CaseModule>().SingleAsync(m => m.Slug == slug);
                row.Status = CaseModuleStatus.Archived;
                return await db.SaveChangesAsync();
            });

            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(module)).StatusCode);
            var catalogue = await visitor.GetDocumentAsync("/norfolk/modules");
            Assert.DoesNotContain(catalogue.QuerySelectorAll("main a"), a => a.GetAttribute("href") == module);
            Assert.True((await FetchAsync(visitor, essexModule)).Headers.Contains("Age"), "Essex's copy was thrown away by a Norfolk change");
        }
        finally
        {
            await factory.WithBoardAsync("norfolk", async db =>
            {
                var row = await db.Set<CaseModule>().SingleAsync(m => m.Slug == slug);
                row.Status = CaseModuleStatus.Published;
                return await db.SaveChangesAsync();
            });
        }

        Assert.Contains(slug, await (await FetchAsync(visitor, module)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signing_in_and_working_through_a_module_leave_the_copies_alone()
    {
        var module = await FirstModuleAsync("essex");
        var visitor = factory.CreateBrowserClient();
        await FetchAsync(visitor, "/essex");
        await FetchAsync(visitor, module);

        var person = await factory.CreatePractitionerAsync("essex", "Cass Cachefree", "cass.cachefree@council.example");
        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("essex", person.Email, person.Password);
        await FetchAsync(practitioner, module);
        var sectionPage = (await practitioner.GetDocumentAsync(module)).QuerySelectorAll("main a")
            .Select(a => a.GetAttribute("href")!).First(h => h.StartsWith(module + "/", StringComparison.Ordinal));
        await FetchAsync(practitioner, sectionPage);

        Assert.True((await FetchAsync(visitor, "/essex")).Headers.Contains("Age"));
        Assert.True((await FetchAsync(visitor, module)).Headers.Contains("Age"));
    }
}
