using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Core.Taxonomies;

/// <summary>Renames an agency, moves it to another sector or changes its workforce figure, with an audit entry when something changed.</summary>
public sealed class AgencyChanges(LearningHubDbContext db, AuditLog audit)
{
    /// <summary>False when the board has no agency <paramref name="id"/> (the board filter hides other boards').</summary>
    public async Task<bool> UpdateAsync(Guid id, string name, Sector sector, int? workforce)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == id);
        if (agency is null)
        {
            return false;
        }

        var before = new { agency.Name, Sector = agency.Sector.ToString(), agency.Workforce };
        agency.Name = name;
        agency.Sector = sector;
        agency.Workforce = workforce;
        var after = new { agency.Name, Sector = agency.Sector.ToString(), agency.Workforce };
        if (before != after)
        {
            audit.Record("taxonomies.agency.updated", new AuditTarget("Agency", agency.Id.ToString(), agency.Name), new { before, after });
        }

        await db.SaveChangesAsync();
        return true;
    }
}
