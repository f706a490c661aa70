using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Core.Security;
using LearningHub.Core.Taxonomies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Web.Pages.Manage;

/// <summary>Coordinators' view of who the board reaches: confirmed accounts by sector and agency.</summary>
[Authorize(Policy = CorePermissions.ViewReports)]
public sealed class IndexModel(LearningHubDbContext db) : BoardPageModel
{
    public int Total { get; private set; }

    public IReadOnlyList<CountRow> ByAgency { get; private set; } = [];

    public IReadOnlyList<CountRow> BySector { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var counts = await db.Users.Where(u => u.EmailConfirmed && u.AgencyId != null)
            .GroupBy(u => u.AgencyId)
            .Select(g => new { AgencyId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.AgencyId!.Value, x => x.Count);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ToListAsync();

        ByAgency = agencies.Select(a => new CountRow(a.Name, a.Sector.DisplayName(), counts.GetValueOrDefault(a.Id))).ToList();
        BySector = Enum.GetValues<Sector>()
            .Select(s => new CountRow(s.DisplayName(), null, agencies.Where(a => a.Sector == s).Sum(a => counts.GetValueOrDefault(a.Id))))
            .ToList();
        Total = counts.Values.Sum();
    }

    public sealed record CountRow(string Name, string? Sector, int Count);
}
