using System.Net;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>The catalogue's full-text search and a completion on PostgreSQL (tsvector with the GIN index).</summary>
public sealed class PostgresCasesTests : IAsyncLifetime
{
    private readonly string _database = $"lh_cases_{Guid.NewGuid():N}"[..20];
    private PostgresFactory? _factory;

    public Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is { } server)
        {
            _factory = new PostgresFactory(TestPostgres.ConnectionTo(_database));
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is null)
        {
            return;
        }

        await _factory.DisposeAsync();
        await TestPostgres.DropAsync(_database);
    }

    [PostgresFact]
    public async Task Search_filters_and_completion_work_on_PostgreSQL()
    {
        await CaseFixtures.ApplyAsync(_factory!.Services, "norfolk", CaseFixtures.ChildV(),
            CaseFixtures.Module("case-neglect", "Case N", "Long-standing neglect.", ["professional-curiosity"], ["neglect"]));
        var client = _factory!.CreateBrowserClient();

        // Child V is in two parts (the recipe splits its four episodes); interpreters are in both, and in no other module.
        var found = await client.GetDocumentAsync("/norfolk/modules?q=interpreters");
        AssertOnlyChildV(found);
        var filtered = await client.GetDocumentAsync("/norfolk/modules?theme=discussion-and-information-sharing&q=interp");
        AssertOnlyChildV(filtered);

        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var done = await client.SubmitFormAsync("/norfolk/modules/child-v/sections/2", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
    }

    private static void AssertOnlyChildV(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var titles = page.QuerySelectorAll("main h3 a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Child V", titles);
        Assert.All(titles, t => Assert.StartsWith("Child V", t, StringComparison.Ordinal));
    }
}
