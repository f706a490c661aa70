using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Core.Taxonomies;

/// <summary>Renames an agency or moves it to another sector, with an audit entry when something changed.</summary>
public sealed class AgencyChanges(LearningHubDbContext db, AuditLog audit)
{
    /// <summary>False when the board has no agency <paramref name="id"/> (the board filter hides other boards').</summary>
    public async Task<bool> UpdateAsync(Guid id, string name, Sector sector)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == id);
        if (agency is null)
        {
            return false;
        }

        var before = new { agency.Name, Sector = agency.Sector.ToString() };
        agency.Name = name;
        agency.Sector = sector;
        if (before.Name != agency.Name || before.Sector != agency.Sector.ToString())
        {
            audit.Record("taxonomies.agency.updated", new AuditTarget("Agency", agency.Id.ToString(), agency.Name),
                new { before, after = new { agency.Name, Sector = agency.Sector.ToString() } });
        }

        await db.SaveChangesAsync();
        return true;
    }
}
