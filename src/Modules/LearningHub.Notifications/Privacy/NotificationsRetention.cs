using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Privacy;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Notifications.Privacy;

/// <summary>
/// Mail older than the cutoff loses who it went to and what it said, as <see cref="OutboxMessage.RemovePersonalData()"/>
/// says: recipient address and name, subject, both bodies, the attachment (an .ics carries the attendee's
/// address) and the last error (SMTP errors quote the address). Status, category, attempts and the created and sent times stay, so
/// delivery statistics still work. Sent mail counts from when it was sent; mail that will never go
/// (failed, cancelled) from when it was written. Pending and sending mail is never touched.
/// </summary>
public sealed class NotificationsRetention(LearningHubDbContext db) : IRetentionSource
{
    public async Task<IReadOnlyDictionary<string, int>> ApplyAsync(BoardInfo board, RetentionCutoffs cutoffs, CancellationToken cancellationToken)
    {
        var cutoff = cutoffs.MailSentBefore;
        var blanked = await db.Set<OutboxMessage>()
            .Where(m => m.BoardId == board.Id
                && ((m.Status == OutboxStatus.Sent && m.SentUtc < cutoff)
                    || ((m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Cancelled) && m.CreatedUtc < cutoff)))
            .Where(OutboxMessage.HoldsPersonalData)
            .ExecuteUpdateAsync(OutboxMessage.RemovePersonalData, cancellationToken);

        return new Dictionary<string, int> { ["notifications.mailsBlanked"] = blanked };
    }
}
