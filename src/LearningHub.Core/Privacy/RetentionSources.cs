using LearningHub.Core.Boards;

namespace LearningHub.Core.Privacy;

/// <summary>
/// The moments before which each kind of personal data has been kept long enough. Each is exclusive:
/// a record exactly at the cutoff is kept for one more day.
/// </summary>
/// <param name="EventsEndedBefore">Bookings and attendance of events that ended before this lose their personal details.</param>
/// <param name="UnconfirmedAccountsRegisteredBefore">Accounts never confirmed and registered before this are deleted.</param>
/// <param name="MailSentBefore">Mail sent before this loses its recipient and body.</param>
/// <param name="NamedAnswersSubmittedBefore">Named form answers submitted before this are detached from the person.</param>
public sealed record RetentionCutoffs(
    DateTime EventsEndedBefore,
    DateTime UnconfirmedAccountsRegisteredBefore,
    DateTime MailSentBefore,
    DateTime NamedAnswersSubmittedBefore);

/// <summary>
/// One module's part of the daily retention job: anonymises or deletes, in bulk, the personal data it
/// owns that is older than the board's cutoffs. Implementations use the request's
/// <see cref="Data.LearningHubDbContext"/> (set-based updates join the job's transaction) and return
/// what they did as named counts (zero counts included, so the audit entry shows they ran).
/// </summary>
public interface IRetentionSource
{
    Task<IReadOnlyDictionary<string, int>> ApplyAsync(BoardInfo board, RetentionCutoffs cutoffs, CancellationToken cancellationToken);
}

/// <summary>
/// Tells the accounts retention source which accounts a module still holds records for, so an
/// unconfirmed account is never deleted from under a booking, a submission or a learning record.
/// </summary>
public interface IRetentionAccountUse
{
    /// <summary>The subset of <paramref name="userIds"/> this module has records for.</summary>
    Task<IReadOnlyCollection<string>> InUseAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);
}

