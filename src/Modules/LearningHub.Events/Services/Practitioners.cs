using System.Security.Claims;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Services;

/// <summary>The signed-in person as a booker: their profile with agency, sector and locality names resolved.</summary>
public sealed class Practitioners(LearningHubDbContext db)
{
    public static string? UserId(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    public async Task<(Booker Booker, string? LineManagerEmail)?> BookerAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var userId = UserId(principal);
        if (userId is null)
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return null;
        }

        var agency = user.AgencyId is { } agencyId ? await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct) : null;
        var locality = user.LocalityId is { } localityId
            ? await db.Localities.AsNoTracking().Where(l => l.Id == localityId).Select(l => l.Name).SingleOrDefaultAsync(ct)
            : null;
        return (new Booker(user.Id, string.IsNullOrWhiteSpace(user.FullName) ? user.Email ?? "" : user.FullName, user.Email ?? "",
            agency?.Name, agency?.Sector, user.JobRole, locality), user.LineManagerEmail);
    }
}
