using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Core.Privacy;

/// <summary>
/// The account itself: the profile, the roles and the audit entries about the person. Erasing deletes the
/// Identity user with its roles, claims, logins and tokens, and keeps the audit entries (they are the board's
/// record of what was done) with the person's name and email replaced by "removed person #…".
/// It is not one of the registered <see cref="IPersonalDataSource"/>s: <see cref="PersonalDataRights"/> runs it
/// first in an export and last in an erasure, after every module has let go of the person.
/// </summary>
public sealed class AccountPersonalData(LearningHubDbContext db) : IPersonalDataSource
{
    public string Name => "Your account";

    public IReadOnlyList<PrivacyNoticeEntry> DescribeForNotice(RetentionSettings retention) =>
    [
        new("Your account: your name, work email address, agency, job role, locality, your line manager's email address if you give it, your roles on the site, and your password (stored only as a salted hash) or the work account you sign in with.",
            "To let you sign in, book events and work through learning, to send you what you asked for, and to count the board's reach by agency, sector and locality.",
            $"Until you delete your account or ask the board to. An account whose email address is never confirmed is deleted {retention.UnconfirmedAccounts} after registration."),
        new("The audit log: what was done on the site, when and by whom (for example a booking cancelled, a role granted, a setting changed).",
            "To keep a record of changes to people's data and to the board's learning, so that mistakes and misuse can be found and put right.",
            "Kept as the board's record. If your account is deleted, your name and email address in it are replaced by \"removed person\"."),
        new("Your name on what you write or upload for the board (case learning modules, images, resources), if you are one of its authors or staff.",
            "To show who did the work and who to ask about it.",
            "As long as the content is kept."),
    ];

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == subject.UserId, cancellationToken);
        var agency = user.AgencyId is { } agencyId
            ? await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, cancellationToken)
            : null;
        var locality = user.LocalityId is { } localityId
            ? await db.Localities.AsNoTracking().Where(l => l.Id == localityId).Select(l => l.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var profile = new PersonalDataSection("Profile", ["Field", "Value"],
        [
            ["Full name", user.FullName],
            ["Email address", user.Email],
            ["Email address confirmed", PersonalDataText.YesNo(user.EmailConfirmed)],
            ["Agency", agency?.Name],
            ["Sector", agency?.Sector.DisplayName()],
            ["Job role", user.JobRole],
            ["Locality", locality],
            ["Line manager's email address", user.LineManagerEmail],
            ["Account created", PersonalDataText.Time(user.CreatedUtc)],
        ]);

        var roles = await db.UserRoles.AsNoTracking().Where(r => r.UserId == subject.UserId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .ToListAsync(cancellationToken);
        var roleSection = new PersonalDataSection("Roles", ["Role"],
            roles.Where(r => r is not null).Order(StringComparer.Ordinal).Select(r => (IReadOnlyList<string?>)[Accounts.BoardRoles.DisplayName(r!)]).ToList());

        var entries = await AboutThem(subject).AsNoTracking().OrderBy(e => e.OccurredUtc).ToListAsync(cancellationToken);
        var audit = new PersonalDataSection("Audit log entries about you", ["When", "Action", "By", "About", "What changed"],
            entries.Select(e => (IReadOnlyList<string?>)[PersonalDataText.Time(e.OccurredUtc), e.Action, e.ActorName, e.TargetLabel, e.ChangesJson]).ToList());
        return [profile, roleSection, audit];
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        foreach (var entry in await AboutThem(subject).ToListAsync(cancellationToken))
        {
            entry.RemovePersonalData(subject.Redact);
        }

        // Someone who named them as line manager keeps their account, without the erased person's address in it.
        var email = subject.EmailLower;
        if (email != "")
        {
            foreach (var managed in await db.Users.Where(u => u.Id != subject.UserId && u.LineManagerEmail != null && u.LineManagerEmail.ToLower() == email)
                         .ToListAsync(cancellationToken))
            {
                managed.LineManagerEmail = null;
            }
        }

        db.UserRoles.RemoveRange(await db.UserRoles.Where(r => r.UserId == subject.UserId).ToListAsync(cancellationToken));
        db.UserClaims.RemoveRange(await db.UserClaims.Where(c => c.UserId == subject.UserId).ToListAsync(cancellationToken));
        db.UserLogins.RemoveRange(await db.UserLogins.Where(l => l.UserId == subject.UserId).ToListAsync(cancellationToken));
        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == subject.UserId).ToListAsync(cancellationToken));
        db.Users.Remove(await db.Users.SingleAsync(u => u.Id == subject.UserId, cancellationToken));
    }

    /// <summary>
    /// Entries on this board that are about the person or name them: they acted, they were the target, or their
    /// email address appears in a label or in what changed, or their name does in an entry that is not about another
    /// account (JSON escapes some characters, so the escaped name is looked for too). Lower-cased on both sides: LIKE
    /// is case-sensitive on PostgreSQL.
    /// </summary>
    /// <remarks>
    /// Two conditions, one after the other. The first looks for the name and address in the entry's three texts
    /// joined (the actor's name, the label and what changed): on PostgreSQL one trigram index on exactly that
    /// expression, led by the board (migration AuditSearchIndexes), finds the few candidates (5 ms for a common name
    /// on a board of 60,000 entries, against 17 ms for one index a text and 70–170 ms reading the board's log). The
    /// second keeps the candidates that name the person within one text, so a name cannot be made of the end of one
    /// and the start of the next. The joined expression must stay as the index states it, or PostgreSQL reads the
    /// board's whole log again (PostgresAuditSearchTests reads the plan).
    /// </remarks>
    private IQueryable<AuditEntry> AboutThem(DataSubject subject)
    {
        var email = subject.EmailLower;
        var name = subject.NameIsSearchable ? subject.FullName.Trim().ToLowerInvariant() : null;
        var jsonName = name is null ? null : DataSubject.AsJson(name).ToLowerInvariant();
        var jsonEmail = DataSubject.AsJson(email).ToLowerInvariant();
        return db.AuditEntries
            .Select(e => new { Entry = e, Text = (e.ActorName + SearchTextSeparator + (e.TargetLabel ?? "") + SearchTextSeparator + (e.ChangesJson ?? "")).ToLower() })
            .Where(x => x.Entry.TargetId == subject.UserId
                        || x.Entry.ActorUserId == subject.UserId
                        || (email != "" && (x.Text.Contains(email) || x.Text.Contains(jsonEmail)))
                        || (name != null && (x.Text.Contains(name) || x.Text.Contains(jsonName!))))
            .Select(x => x.Entry)
            .Where(e =>
                e.TargetId == subject.UserId
                || e.ActorUserId == subject.UserId
                || (email != "" && ((e.TargetLabel != null && e.TargetLabel.ToLower().Contains(email))
                                    || (e.ChangesJson != null && (e.ChangesJson.ToLower().Contains(email) || e.ChangesJson.ToLower().Contains(jsonEmail)))))
                || (name != null
                    // A name is not unique: an entry about another account under the same name is that person's
                    // (their account created, a role granted), neither shown to this one nor taken from the log when
                    // this one is erased. Their address, being theirs alone, is still looked for in every entry.
                    && !(e.TargetType == AuditTarget.AccountType && e.TargetId != subject.UserId)
                    && (e.ActorName.ToLower().Contains(name)
                        || (e.TargetLabel != null && e.TargetLabel.ToLower().Contains(name))
                        || (e.ChangesJson != null && (e.ChangesJson.ToLower().Contains(name) || e.ChangesJson.ToLower().Contains(jsonName!))))));
    }

    /// <summary>Joins an entry's texts in <see cref="AboutThem"/>'s first condition, as the migration's index does.</summary>
    private const string SearchTextSeparator = " ";
}
