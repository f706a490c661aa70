using LearningHub.Core.Data;
using LearningHub.Core.Privacy;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Notifications.Privacy;

/// <summary>
/// Mail sent to the person (matched by address, case-insensitively: the outbox holds only the address) and
/// mail about them sent to someone else (a line manager's copy names them in its body), and their private
/// calendar feed addresses.
/// </summary>
public sealed class NotificationsPersonalData(LearningHubDbContext db) : IPersonalDataSource
{
    public string Name => "Mail";

    public IReadOnlyList<PrivacyNoticeEntry> DescribeForNotice(RetentionSettings retention) =>
    [
        new("Mail the site sends you (booking confirmations, reminders, calendar invitations, password resets): your name, email address and the message.",
            "To send you what you booked or asked for, to retry when delivery fails, and to answer questions about what was sent.",
            $"{retention.MailBodies} after it is sent. Then the address, subject and message are removed; a record that a message was sent stays."),
        new("The private addresses of your calendar feeds, if you create any.",
            "To let your calendar show the events you booked.",
            "Until you revoke them or delete your account."),
    ];

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        var mails = await ExportQueries.Mails.For(db)(db, subject.EmailLower).ToListAsync(cancellationToken);
        var feeds = await ExportQueries.Feeds.For(db)(db, subject.UserId).ToListAsync(cancellationToken);
        return
        [
            new PersonalDataSection("Mail sent to you", ["Subject", "Kind", "To", "Status", "Queued", "Sent", "Message"],
                mails.Select(m => (IReadOnlyList<string?>)[m.Subject, m.Category, m.ToAddress, m.Status.ToString(),
                    PersonalDataText.Time(m.CreatedUtc), PersonalDataText.Time(m.SentUtc), m.TextBody]).ToList()),
            new PersonalDataSection("Calendar feed addresses", ["Created", "Revoked"],
                feeds.Select(t => (IReadOnlyList<string?>)[PersonalDataText.Time(t.CreatedUtc), PersonalDataText.Time(t.RevokedUtc)]).ToList()),
        ];
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        foreach (var message in await AboutThem(subject).ToListAsync(cancellationToken))
        {
            message.RemovePersonalData();
        }

        // The feed's secret is only a hash, but the row says the person had a feed: it goes with them.
        db.Set<CalendarFeedToken>().RemoveRange(
            await db.Set<CalendarFeedToken>().Where(t => t.UserId == subject.UserId).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// Mail to their address, and mail that names them (their address or full name in the subject or body:
    /// an approval request or a no-show notice to their line manager), unless the mail is to a namesake. Lower-cased on both sides: LIKE is
    /// case-sensitive on PostgreSQL. Rare enough (an erasure) that scanning the bodies is acceptable.
    /// </summary>
    private IQueryable<OutboxMessage> AboutThem(DataSubject subject)
    {
        var email = subject.EmailLower;
        var name = subject.NameIsSearchable ? subject.FullName.Trim().ToLowerInvariant() : null;
        return db.Set<OutboxMessage>().Where(m =>
            (email != "" && (m.ToAddress.ToLower() == email || m.Subject.ToLower().Contains(email)
                             || m.TextBody.ToLower().Contains(email) || m.HtmlBody.ToLower().Contains(email)))
            // By name only in mail to someone not of that name: a namesake's own mail ("Dear Jane Smith") is theirs, not this person's.
            || (name != null && !m.ToName.ToLower().Contains(name)
                             && (m.Subject.ToLower().Contains(name) || m.TextBody.ToLower().Contains(name) || m.HtmlBody.ToLower().Contains(name))));
    }

    private sealed record MailRow(string Subject, string Category, OutboxStatus Status, DateTime CreatedUtc, DateTime? SentUtc, string ToAddress, string TextBody);

    /// <summary>Compiled, as the account's export queries are (<see cref="AccountPersonalData"/>).</summary>
    private static class ExportQueries
    {
        /// <summary>Mail sent to the address (lower-cased by the caller).</summary>
        public static readonly CompiledPerModel<Func<LearningHubDbContext, string, IAsyncEnumerable<MailRow>>> Mails = new(() =>
            EF.CompileAsyncQuery((LearningHubDbContext db, string email) =>
                db.Set<OutboxMessage>().AsNoTracking()
                    .Where(m => m.ToAddress.ToLower() == email)
                    .OrderBy(m => m.CreatedUtc)
                    .Select(m => new MailRow(m.Subject, m.Category, m.Status, m.CreatedUtc, m.SentUtc, m.ToAddress, m.TextBody))));

        public static readonly CompiledPerModel<Func<LearningHubDbContext, string, IAsyncEnumerable<CalendarFeedToken>>> Feeds = new(() =>
            EF.CompileAsyncQuery<LearningHubDbContext, string, CalendarFeedToken>((db, userId) =>
                db.Set<CalendarFeedToken>().AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.CreatedUtc)));
    }
}
