using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Privacy;
using LearningHub.Forms.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Forms.Privacy;

/// <summary>
/// Named submissions submitted before the cutoff are detached from the person (account link,
/// respondent name and email removed); the answers and the agency, sector and locality snapshots stay,
/// so results still count them as anonymous answers. Drafts are not touched (they have no submit time).
/// </summary>
public sealed class FormsRetention(LearningHubDbContext db) : IRetentionSource, IRetentionAccountUse
{
    public async Task<IReadOnlyDictionary<string, int>> ApplyAsync(BoardInfo board, RetentionCutoffs cutoffs, CancellationToken cancellationToken)
    {
        var cutoff = cutoffs.NamedAnswersSubmittedBefore;
        var detached = await db.Set<FormSubmission>()
            .Where(s => s.BoardId == board.Id && s.SubmittedUtc != null && s.SubmittedUtc < cutoff
                && (s.UserId != null || s.RespondentName != null || s.RespondentEmail != null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.UserId, (string?)null)
                .SetProperty(x => x.RespondentName, (string?)null)
                .SetProperty(x => x.RespondentEmail, (string?)null), cancellationToken);

        return new Dictionary<string, int> { ["forms.submissionsDetached"] = detached };
    }

    public async Task<IReadOnlyCollection<string>> InUseAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var submitters = await db.Set<FormSubmission>().Where(s => s.UserId != null && userIds.Contains(s.UserId))
            .Select(s => s.UserId!).Distinct().ToListAsync(cancellationToken);
        var receipts = await db.Set<FormResponseReceipt>().Where(r => userIds.Contains(r.UserId))
            .Select(r => r.UserId).Distinct().ToListAsync(cancellationToken);
        return submitters.Union(receipts).ToList();
    }
}
