using LearningHub.Core.Accounts;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Web.Pages.Admin.People;

/// <summary>The board's accounts with their roles, for board administrators (personal data: names and emails).</summary>
[Authorize(Policy = CorePermissions.ManageAccounts)]
public sealed class IndexModel(LearningHubDbContext db) : BoardPageModel
{
    private const int PageSize = 200;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<PersonRow> People { get; private set; } = [];

    public bool Truncated { get; private set; }

    public async Task OnGetAsync()
    {
        Query = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim();
        var users = db.Users.AsNoTracking();
        if (Query is not null)
        {
            var normalized = Query.ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(normalized) || u.FullName.ToUpper().Contains(normalized));
        }

        var rows = await users.OrderBy(u => u.FullName).Take(PageSize + 1)
            .Select(u => new
            {
                u.Id,
                u.FullName,
                u.Email,
                u.EmailConfirmed,
                Agency = db.Agencies.Where(a => a.Id == u.AgencyId).Select(a => a.Name).FirstOrDefault(),
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync();
        Truncated = rows.Count > PageSize;
        People = rows.Take(PageSize)
            .Select(r => new PersonRow(r.Id, r.FullName, r.Email ?? "", r.EmailConfirmed, r.Agency ?? "",
                r.Roles.Where(n => n is not null).Select(n => BoardRoles.DisplayName(n!)).Order().ToList()))
            .ToList();
    }

    public sealed record PersonRow(string Id, string Name, string Email, bool Confirmed, string Agency, IReadOnlyList<string> Roles);
}
