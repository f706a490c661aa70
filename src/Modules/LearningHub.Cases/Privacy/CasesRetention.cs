using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using LearningHub.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Privacy;

/// <summary>An account with learning progress or a certificate is in use: retention must not delete it.</summary>
public sealed class CasesRetention(LearningHubDbContext db) : IRetentionAccountUse
{
    public async Task<IReadOnlyCollection<string>> InUseAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        await db.Set<CaseProgress>().Where(p => userIds.Contains(p.UserId)).Select(p => p.UserId).Distinct().ToListAsync(cancellationToken);
}
