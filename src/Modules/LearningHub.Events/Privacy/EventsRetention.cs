using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Privacy;
using LearningHub.Events.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Privacy;

/// <summary>
/// Bookings of events that ended before the cutoff lose the person: name (to "Removed"), email, job
/// role, line manager's email, booking answer, the link to the account and any pending approval
/// nonce. Status, attendance, walk-in, agency, sector and locality stay, so reach reports still count
/// them. One set-based UPDATE; rows already anonymised are not touched again, so a rerun counts zero.
/// </summary>
public sealed class EventsRetention(LearningHubDbContext db) : IRetentionSource, IRetentionAccountUse
{
    public async Task<IReadOnlyDictionary<string, int>> ApplyAsync(BoardInfo board, RetentionCutoffs cutoffs, CancellationToken cancellationToken)
    {
        var cutoff = cutoffs.EventsEndedBefore;
        var anonymised = await db.Set<Booking>()
            .Where(b => b.BoardId == board.Id
                && db.Set<LearningEvent>().Any(e => e.Id == b.EventId && e.EndUtc < cutoff)
                && (b.FullName != RetentionText.Removed || b.Email != "" || b.UserId != null || b.ActiveUserId != null
                    || b.JobRole != null || b.LineManagerEmail != null || b.Answer != null || b.ApprovalNonce != null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.FullName, RetentionText.Removed)
                .SetProperty(b => b.Email, "")
                .SetProperty(b => b.UserId, (string?)null)
                .SetProperty(b => b.ActiveUserId, (string?)null)
                .SetProperty(b => b.JobRole, (string?)null)
                .SetProperty(b => b.LineManagerEmail, (string?)null)
                .SetProperty(b => b.Answer, (string?)null)
                .SetProperty(b => b.ApprovalNonce, (string?)null), cancellationToken);

        return new Dictionary<string, int> { ["events.bookingsAnonymised"] = anonymised };
    }

    public async Task<IReadOnlyCollection<string>> InUseAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        await db.Set<Booking>().Where(b => b.UserId != null && userIds.Contains(b.UserId)).Select(b => b.UserId!).Distinct().ToListAsync(cancellationToken);
}
