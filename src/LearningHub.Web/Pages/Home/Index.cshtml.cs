using System.Security.Claims;
using LearningHub.Core.Accounts;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Web.Pages.Home;

/// <summary>A board's home page.</summary>
public sealed class IndexModel(LearningHubDbContext db) : BoardPageModel
{
    public string? SignedInName => User.FindFirstValue(LearningHubClaimTypes.FullName);

    public IReadOnlyList<ThemeRow> Themes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Themes = await db.LearningThemes.AsNoTracking().OrderBy(t => t.SortOrder)
            .Select(t => new ThemeRow(t.Name, t.Description))
            .ToListAsync(HttpContext.RequestAborted);
    }

    public sealed record ThemeRow(string Name, string? Description);
}
