using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Impact.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningHub.Impact.Pages.Impact;

/// <summary>
/// An agency safeguarding lead's view: reach and change across the board's learning, for the agency on their own
/// account only. When the account names no agency of the board (none, or one since removed) nothing is shown.
/// </summary>
[Authorize(Policy = ImpactPermissions.ViewAgencyImpact)]
public sealed class AgencyModel(SharedReports shared, IOptions<ImpactOptions> options, TimeProvider clock, LearningHubDbContext db) : ReportPageModel(shared, options, clock)
{
    public bool NoAgency { get; private set; }

    protected override async Task<(bool Allowed, Guid? AgencyId)> AgencyAsync()
    {
        var agencyId = await db.Users.AsNoTracking().Where(u => u.Id == UserId).Select(u => u.AgencyId).FirstOrDefaultAsync(HttpContext.RequestAborted);
        NoAgency = agencyId is null || !await db.Agencies.AnyAsync(a => a.Id == agencyId, HttpContext.RequestAborted);
        return NoAgency ? (false, null) : (true, agencyId);
    }
}
