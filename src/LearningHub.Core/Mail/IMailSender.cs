namespace LearningHub.Core.Mail;

/// <summary>A mail to one person, in plain text and HTML, sent on behalf of a board.</summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string TextBody, string HtmlBody);

/// <summary>
/// Sends mail for the current board. The foundation writes to the pickup folder; the notifications
/// module replaces this with its durable outbox and SMTP transport.
/// </summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
