using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Notifications.Services;

/// <summary>
/// A mail to one person: plain text first (every mail must read as plain text), HTML alongside. With
/// <paramref name="QrCodeLink"/>, the HTML may show that link's QR code with <c>img src="cid:…"</c>
/// (<see cref="Smtp.MailQrCode.ImageSource"/>); the code is drawn when the mail is sent.
/// </summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string TextBody, string HtmlBody, string? QrCodeLink = null);

/// <summary>A file sent with a mail, e.g. a calendar invite (<c>invite.ics</c>, <c>text/calendar; method=REQUEST</c>).</summary>
public sealed record MailAttachment(string FileName, string ContentType, string Content);

/// <summary>
/// Puts mail in the outbox as part of the caller's unit of work: nothing is queued until the caller's
/// <c>SaveChanges</c> commits, so a change and its mail land together or not at all. Also the
/// generic way to schedule a send ("at this time") and to call it off.
/// </summary>
public sealed class MailQueue(LearningHubDbContext db, BoardContext boards, TimeProvider clock, OutboxSignal signal) : IDisposable
{
    private EventHandler<SavedChangesEventArgs>? _wakeOnSave;

    /// <summary>
    /// Queues <paramref name="mail"/> under <paramref name="dedupeKey"/>; false, and nothing queued, when a
    /// message with that key already exists on this board (the same logical message is never queued twice).
    /// </summary>
    /// <param name="keyIsNew">
    /// True when the key names something created in this same unit of work (a new booking's id), so no
    /// saved message can have it yet: the database lookup is skipped, which matters inside a lock that
    /// queues many such mails. The unique index on the key still refuses a duplicate at save.
    /// </param>
    public async Task<bool> EnqueueAsync(string dedupeKey, string category, OutgoingMail mail,
        DateTime? sendAtUtc = null, MailAttachment? attachment = null, CancellationToken cancellationToken = default, bool keyIsNew = false)
    {
        var messages = db.Set<OutboxMessage>();
        if (QueuedInThisUnit(dedupeKey)
            || (!keyIsNew && await messages.AnyAsync(m => m.DedupeKey == dedupeKey, cancellationToken)))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        messages.Add(new OutboxMessage
        {
            BoardId = boards.Required.Id,
            DedupeKey = dedupeKey,
            Category = category,
            ToAddress = mail.ToAddress,
            ToName = mail.ToName,
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            AttachmentName = attachment?.FileName,
            AttachmentContentType = attachment?.ContentType,
            AttachmentContent = attachment?.Content,
            QrCodeLink = mail.QrCodeLink,
            NextAttemptUtc = sendAtUtc is { } at && at > now ? at : now,
            CreatedUtc = now,
        });
        WakeDispatcherAfterSave();
        return true;
    }

    /// <summary>Calls off a message not yet sent (a reminder for a booking since cancelled). The caller saves.</summary>
    public async Task<bool> CancelAsync(string dedupeKey, CancellationToken cancellationToken = default)
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.DedupeKey == dedupeKey, cancellationToken);
        if (message is not { Status: OutboxStatus.Pending })
        {
            return false;
        }

        message.Status = OutboxStatus.Cancelled;
        return true;
    }

    /// <summary>Sends a failed message again from its first attempt. The caller saves.</summary>
    public async Task<bool> RetryAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is not { Status: OutboxStatus.Failed })
        {
            return false;
        }

        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptUtc = clock.GetUtcNow().UtcDateTime;
        WakeDispatcherAfterSave();
        return true;
    }

    /// <summary>
    /// Whether this unit of work has already queued the key. Reads the tracked messages without
    /// DbSet.Local's DetectChanges (a scan of every tracked entity, per call): added messages are
    /// tracked as they are added and their keys never change, so there is nothing for it to find.
    /// </summary>
    private bool QueuedInThisUnit(string dedupeKey)
    {
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.Set<OutboxMessage>().Local.Any(m => m.DedupeKey == dedupeKey);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    // The dispatcher also polls, so this only makes a new message go at once rather than at the next poll.
    private void WakeDispatcherAfterSave()
    {
        if (_wakeOnSave is null)
        {
            _wakeOnSave = (_, _) => signal.Notify();
            db.SavedChanges += _wakeOnSave;
        }
    }

    /// <summary>The context goes back to a pool and is used by other scopes: it must not keep waking the dispatcher.</summary>
    public void Dispose()
    {
        if (_wakeOnSave is not null)
        {
            db.SavedChanges -= _wakeOnSave;
        }
    }
}
