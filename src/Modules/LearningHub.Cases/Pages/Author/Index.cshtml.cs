using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Pages.Author;

public sealed record AuthoringRow(Guid Id, string Title, string Slug, CaseModuleStatus Status, int? PublishedNumber, int? WorkingNumber,
    VersionState? WorkingState);

/// <summary>Every module of the board, for authors: status, the version being worked on and what waits for review.</summary>
[Authorize(Policy = CasesPermissions.Author)]
public sealed class IndexModel(LearningHubDbContext db) : CasesPageModel
{
    public IReadOnlyList<AuthoringRow> Modules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Modules = await db.Set<CaseModule>().AsNoTracking()
            .OrderBy(m => m.Title)
            .Select(m => new AuthoringRow(m.Id, m.Title, m.Slug, m.Status,
                m.Versions.Where(v => v.Id == m.PublishedVersionId).Select(v => (int?)v.Number).FirstOrDefault(),
                m.Versions.Where(v => v.Id == m.WorkingVersionId).Select(v => (int?)v.Number).FirstOrDefault(),
                m.Versions.Where(v => v.Id == m.WorkingVersionId).Select(v => (VersionState?)v.State).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }
}
