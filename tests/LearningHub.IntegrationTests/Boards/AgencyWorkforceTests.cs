using System.Net;
using LearningHub.Core.Audit;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Boards;

/// <summary>Each agency's rough number of practitioners: set by the recipe, changed on the admin page (audited), shown in the list.</summary>
public sealed class AgencyWorkforceTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task The_recipe_sets_each_agencys_workforce_and_an_administrator_changes_it_with_an_audit_entry()
    {
        var agencies = await factory.WithBoardAsync("norfolk", db => db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ToListAsync());
        Assert.All(agencies, a => Assert.True(a.Workforce > 0, $"{a.Name} has a workforce figure from the recipe"));
        var agency = agencies[0];

        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        var url = $"/norfolk/admin/agencies/{agency.Id}/edit";
        Assert.Equal($"{agency.Workforce}", (await admin.GetDocumentAsync(url)).QuerySelector("#Input_Workforce")!.GetAttribute("value"));

        var refused = await (await admin.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Name"] = agency.Name,
            ["Input.Sector"] = agency.Sector.ToString(),
            ["Input.Workforce"] = "0",
        })).ParseAsync();
        Assert.NotNull(refused.QuerySelector(".govuk-error-summary a[href='#Input_Workforce']"));
        Assert.Equal("0", refused.QuerySelector("#Input_Workforce")!.GetAttribute("value"));

        var saved = await admin.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Name"] = agency.Name,
            ["Input.Sector"] = agency.Sector.ToString(),
            ["Input.Workforce"] = "2500",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2500, await factory.WithBoardAsync("norfolk", db => db.Agencies.Where(a => a.Id == agency.Id).Select(a => a.Workforce).SingleAsync()));
        Assert.Contains("2,500", (await admin.GetDocumentAsync("/norfolk/admin/agencies")).QuerySelector("main table")!.TextContent);
        var entry = await factory.WithBoardAsync("norfolk", db => db.Set<AuditEntry>()
            .SingleAsync(e => e.Action == "taxonomies.agency.updated" && e.TargetId == agency.Id.ToString()));
        Assert.Contains($"\"Workforce\":{agency.Workforce}", entry.ChangesJson);
        Assert.Contains("\"Workforce\":2500", entry.ChangesJson);
    }
}
