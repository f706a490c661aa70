using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Privacy;
using LearningHub.Events.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Privacy;

/// <summary>
/// Bookings of events that ended before the cutoff lose the person, as <see cref="Booking.RemovePersonalData()"/>
/// says (name, email, job role, line manager's email, answer, the link to the account, approval nonce). Status, attendance, walk-in, agency, sector and locality stay, so reach reports still count
/// them. One set-based UPDATE; rows already anonymised are not touched again, so a rerun counts zero.
/// </summary>
public sealed class EventsRetention(LearningHubDbContext db) : IRetentionSource, IRetentionAccountUse
{
    public async Task<IReadOnlyDictionary<string, int>> ApplyAsync(BoardInfo board, RetentionCutoffs cutoffs, CancellationToken cancellationToken)
    {
        var cutoff = cutoffs.EventsEndedBefore;
        var anonymised = await db.Set<Booking>()
            .Where(b => b.BoardId == board.Id && db.Set<LearningEvent>().Any(e => e.Id == b.EventId && e.EndUtc < cutoff))
            .Where(Booking.HoldsPersonalData)
            .ExecuteUpdateAsync(Booking.RemovePersonalData, cancellationToken);

        return new Dictionary<string, int> { ["events.bookingsAnonymised"] = anonymised };
    }

    public async Task<IReadOnlyCollection<string>> InUseAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        await db.Set<Booking>().Where(b => b.UserId != null && userIds.Contains(b.UserId)).Select(b => b.UserId!).Distinct().ToListAsync(cancellationToken);
}
