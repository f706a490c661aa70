using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Core.Security;
using LearningHub.Core.Taxonomies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Web.Pages.Admin.Agencies;

[Authorize(Policy = CorePermissions.ManageTaxonomies)]
public sealed class IndexModel(LearningHubDbContext db) : BoardPageModel
{
    public IReadOnlyList<AgencyRow> Agencies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ToListAsync();
        Agencies = agencies.Select(a => new AgencyRow(a.Id, a.Name, a.Sector.DisplayName(), a.Workforce)).ToList();
    }

    public sealed record AgencyRow(Guid Id, string Name, string Sector, int? Workforce);
}
