using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Core.Privacy;

/// <summary>
/// Deletes accounts whose email address was never confirmed and that were registered before the
/// cutoff: the person never signed in, so there is nothing to keep. An account some module still holds
/// records for (<see cref="IRetentionAccountUse"/>) is left alone and counted as kept.
/// Identity's own rows (roles, claims, logins, tokens) go with the account by the database's cascade.
/// </summary>
public sealed class RetentionAccounts(LearningHubDbContext db, IEnumerable<IRetentionAccountUse> uses) : IRetentionSource
{
    public async Task<IReadOnlyDictionary<string, int>> ApplyAsync(BoardInfo board, RetentionCutoffs cutoffs, CancellationToken cancellationToken)
    {
        var cutoff = cutoffs.UnconfirmedAccountsRegisteredBefore;
        var candidates = await db.Users
            .Where(u => u.BoardId == board.Id && !u.EmailConfirmed && u.CreatedUtc < cutoff)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);

        var inUse = new HashSet<string>();
        if (candidates.Count > 0)
        {
            foreach (var use in uses)
            {
                inUse.UnionWith(await use.InUseAsync(candidates, cancellationToken));
            }
        }

        var deletable = candidates.Where(id => !inUse.Contains(id)).ToList();
        var deleted = 0;
        // Chunked so the IN list stays well inside every provider's parameter limit.
        foreach (var chunk in deletable.Chunk(500))
        {
            deleted += await db.Users.Where(u => u.BoardId == board.Id && chunk.Contains(u.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        return new Dictionary<string, int>
        {
            ["accounts.unconfirmedDeleted"] = deleted,
            ["accounts.unconfirmedKeptInUse"] = candidates.Count - deletable.Count,
        };
    }
}
