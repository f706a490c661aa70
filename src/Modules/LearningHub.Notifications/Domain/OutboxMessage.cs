using System.Linq.Expressions;
using LearningHub.Core.Boards;
using LearningHub.Core.Pages;
using Microsoft.EntityFrameworkCore.Query;

namespace LearningHub.Notifications.Domain;

public enum OutboxStatus
{
    /// <summary>Waiting for its send time (or its next attempt).</summary>
    Pending,

    /// <summary>Claimed by a dispatcher until <see cref="OutboxMessage.LockedUntilUtc"/>.</summary>
    Sending,

    Sent,

    /// <summary>Gave up after the last attempt; a board admin can send it again.</summary>
    Failed,

    /// <summary>The reason for it went away before it was sent (a booking cancelled before its reminder).</summary>
    Cancelled,
}

/// <summary>
/// A mail waiting to go, written in the same transaction as the change that caused it, so the change
/// and its mail land together or not at all. The dispatcher sends it, retrying with backoff.
/// </summary>
public class OutboxMessage : IBoardOwned, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    /// <summary>Names the logical message (<c>accounts.confirm-email:{user}:{token}</c>); unique per board.</summary>
    public required string DedupeKey { get; set; }

    /// <summary>What kind of mail it is, for the admin list: usually the template key.</summary>
    public required string Category { get; set; }

    public required string ToAddress { get; set; }

    public required string ToName { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    public string? AttachmentName { get; set; }

    public string? AttachmentContentType { get; set; }

    public string? AttachmentContent { get; set; }

    /// <summary>The link whose QR code the mail carries as an inline image, drawn when it is sent (<see cref="Smtp.MailQrCode"/>).</summary>
    public string? QrCodeLink { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    /// <summary>When it may next be sent: its scheduled time, then each retry's time.</summary>
    public DateTime NextAttemptUtc { get; set; }

    public DateTime? LockedUntilUtc { get; set; }

    public Guid? ClaimToken { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? SentUtc { get; set; }

    /// <summary>
    /// Takes out everything that says who the mail was to or what it said (address, name, subject, bodies,
    /// attachment, QR code link, the last error, which may quote the address) and keeps what the board counts: the kind of
    /// mail, its status, attempts and times. A mail not yet sent is called off: there is no one to send it to.
    /// </summary>
    public void RemovePersonalData()
    {
        ToAddress = "";
        ToName = "";
        Subject = RemovedSubject;
        TextBody = "";
        HtmlBody = "";
        AttachmentName = null;
        AttachmentContentType = null;
        AttachmentContent = null;
        QrCodeLink = null;
        LastError = null;
        if (Status is OutboxStatus.Pending or OutboxStatus.Sending)
        {
            Status = OutboxStatus.Cancelled;
            LockedUntilUtc = null;
            ClaimToken = null;
        }
    }

    /// <summary>What an anonymised mail's subject shows.</summary>
    public const string RemovedSubject = "(removed)";

    // The two below are RemovePersonalData for many mails that have gone (or will never go) in one UPDATE
    // (the retention job); keep the three together.

    /// <summary>Whether any field <see cref="RemovePersonalData()"/> blanks still holds something.</summary>
    public static readonly Expression<Func<OutboxMessage, bool>> HoldsPersonalData = m =>
        m.ToAddress != "" || m.ToName != "" || m.Subject != RemovedSubject || m.TextBody != "" || m.HtmlBody != ""
        || m.AttachmentName != null || m.AttachmentContentType != null || m.AttachmentContent != null || m.QrCodeLink != null
        || m.LastError != null;

    /// <summary>The setters of <see cref="RemovePersonalData()"/> for mail no longer pending, for <c>ExecuteUpdateAsync</c>.</summary>
    public static void RemovePersonalData(UpdateSettersBuilder<OutboxMessage> set) => set
        .SetProperty(m => m.ToAddress, "")
        .SetProperty(m => m.ToName, "")
        .SetProperty(m => m.Subject, RemovedSubject)
        .SetProperty(m => m.TextBody, "")
        .SetProperty(m => m.HtmlBody, "")
        .SetProperty(m => m.AttachmentName, (string?)null)
        .SetProperty(m => m.AttachmentContentType, (string?)null)
        .SetProperty(m => m.AttachmentContent, (string?)null)
        .SetProperty(m => m.QrCodeLink, (string?)null)
        .SetProperty(m => m.LastError, (string?)null);
}
