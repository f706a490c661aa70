using System.Security.Claims;
using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
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

        // One query, not three (the account, then its agency, then its locality), compiled once: a booking's request runs
        // this while everyone else's bookings wait for the CPU.
        var row = await BookerQuery.For(db)(db, userId, ct);
        if (row is null)
        {
            return null;
        }

        return (new Booker(row.Id, string.IsNullOrWhiteSpace(row.FullName) ? row.Email ?? "" : row.FullName, row.Email ?? "",
            row.AgencyName, row.Sector, row.JobRole, row.LocalityName), row.LineManagerEmail);
    }

    private sealed record BookerRow(string Id, string? FullName, string? Email, string? JobRole, string? LineManagerEmail, string? AgencyName,
        Sector? Sector, string? LocalityName);

    private static readonly CompiledPerModel<Func<LearningHubDbContext, string, CancellationToken, Task<BookerRow?>>> BookerQuery = new(() =>
        EF.CompileAsyncQuery((LearningHubDbContext db, string userId, CancellationToken ct) => (
                from user in db.Users.AsNoTracking()
                where user.Id == userId
                join agency in db.Agencies on user.AgencyId equals agency.Id into agencies
                from agency in agencies.DefaultIfEmpty()
                join locality in db.Localities on user.LocalityId equals locality.Id into localities
                from locality in localities.DefaultIfEmpty()
                select new BookerRow(user.Id, user.FullName, user.Email, user.JobRole, user.LineManagerEmail,
                    agency == null ? null : agency.Name, agency == null ? null : agency.Sector, locality == null ? null : locality.Name))
            .SingleOrDefault()));
}
