using LearningHub.Core.Accounts;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using System.Linq.Expressions;
using LinqKit;
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
        var found = await ExportQueries.Profile.For(db)(db, subject.UserId, cancellationToken);
        var user = found.User;
        var profile = new PersonalDataSection("Profile", ["Field", "Value"],
        [
            ["Full name", user.FullName],
            ["Email address", user.Email],
            ["Email address confirmed", PersonalDataText.YesNo(user.EmailConfirmed)],
            ["Agency", found.Agency],
            ["Sector", found.Sector?.DisplayName()],
            ["Job role", user.JobRole],
            ["Locality", found.Locality],
            ["Line manager's email address", user.LineManagerEmail],
            ["Account created", PersonalDataText.Time(user.CreatedUtc)],
        ]);

        var roles = await ExportQueries.Roles.For(db)(db, subject.UserId).ToListAsync(cancellationToken);
        var roleSection = new PersonalDataSection("Roles", ["Role"],
            roles.Where(r => r is not null).Order(StringComparer.Ordinal).Select(r => (IReadOnlyList<string?>)[Accounts.BoardRoles.DisplayName(r!)]).ToList());

        var entries = await AboutThem(subject, QueryTrackingBehavior.NoTracking, cancellationToken);
        var audit = new PersonalDataSection("Audit log entries about you", ["When", "Action", "By", "About", "What changed"],
            entries.Select(e => (IReadOnlyList<string?>)[PersonalDataText.Time(e.OccurredUtc), e.Action, e.ActorName, e.TargetLabel, e.ChangesJson]).ToList());
        return [profile, roleSection, audit];
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        foreach (var entry in await AboutThem(subject, QueryTrackingBehavior.TrackAll, cancellationToken))
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
    /// Entries on this board that are about the person or name them (<see cref="IsAboutThem"/>), oldest first: tracked
    /// for the erasure to change, or not for the export.
    /// </summary>
    private async Task<List<AuditEntry>> AboutThem(DataSubject subject, QueryTrackingBehavior tracking, CancellationToken cancellationToken)
    {
        var email = subject.EmailLower;
        var name = subject.NameIsSearchable ? subject.FullName.Trim().ToLowerInvariant() : null;
        var jsonName = name is null ? null : DataSubject.AsJson(name).ToLowerInvariant();
        var jsonEmail = DataSubject.AsJson(email).ToLowerInvariant();
        var query = tracking == QueryTrackingBehavior.TrackAll ? AboutThemTracked : AboutThemUntracked;
        return await query.For(db)(db, subject.UserId, email, jsonEmail, name, jsonName).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The rule: they acted, they were the target, or their email address appears in a label or in what changed, or
    /// their name does in an entry that is not about another account (JSON escapes some characters, so the escaped
    /// name and address are looked for too; the name is null when it is too short to look for in free text,
    /// <see cref="DataSubject.NameIsSearchable"/>). Lower-cased on both sides: LIKE is case-sensitive on PostgreSQL.
    /// </summary>
    private static readonly Expression<Func<AuditEntry, string, string, string, string?, string?, bool>> IsAboutThem =
        (e, userId, email, jsonEmail, name, jsonName) =>
            e.TargetId == userId
            || e.ActorUserId == userId
            || (email != "" && ((e.TargetLabel != null && e.TargetLabel.ToLower().Contains(email))
                                || (e.ChangesJson != null && (e.ChangesJson.ToLower().Contains(email) || e.ChangesJson.ToLower().Contains(jsonEmail)))))
            || (name != null
                // A name is not unique: an entry about another account under the same name is that person's
                // (their account created, a role granted), neither shown to this one nor taken from the log when
                // this one is erased. Their address, being theirs alone, is still looked for in every entry.
                && !(e.TargetType == AuditTarget.AccountType && e.TargetId != userId)
                && (e.ActorName.ToLower().Contains(name)
                    || (e.TargetLabel != null && e.TargetLabel.ToLower().Contains(name))
                    || (e.ChangesJson != null && (e.ChangesJson.ToLower().Contains(name) || e.ChangesJson.ToLower().Contains(jsonName!)))));

    /// <summary>
    /// PostgreSQL's first look, before the rule: entries about them by id, and entries whose three texts joined hold
    /// their address or their name as words (PostgreSQL's text search parser, configuration <c>simple</c>: an address
    /// is one word, a name the same words in a row). The address is looked for in every entry; the name only in entries
    /// that are not about an account, since the rule keeps no other name match. Each arm has its own index (migration
    /// AuditWordSearch): 0.1–0.2 ms on a board of 60,000 entries, against 10–22 ms for the trigram index it replaced.
    /// Being words, a name glued to other letters ("xAisha Ahmed") is not found here, where a substring would be.
    /// The expressions must stay as the migration's indexes state them, or PostgreSQL reads the board's whole log
    /// (PostgresAuditSearchTests reads the plans). SQLite has no such index and checks the rule on the board's entries.
    /// </summary>
    private static readonly Expression<Func<AuditEntry, string, string, string, string?, string?, bool>> MayBeAboutThemByWords =
        (e, userId, email, jsonEmail, name, jsonName) =>
            e.TargetId == userId
            || e.ActorUserId == userId
            || (email != "" && WordsOf.Invoke(e).Matches(EF.Functions.PhraseToTsQuery(TextSearchConfiguration, email).Or(EF.Functions.PhraseToTsQuery(TextSearchConfiguration, jsonEmail))))
            || (name != null && e.TargetType != AuditTarget.AccountType
                && WordsOf.Invoke(e).Matches(EF.Functions.PhraseToTsQuery(TextSearchConfiguration, name).Or(EF.Functions.PhraseToTsQuery(TextSearchConfiguration, jsonName!))));

    /// <summary>SQLite's first look: none (it has no word index); the rule reads the board's entries.</summary>
    private static readonly Expression<Func<AuditEntry, string, string, string, string?, string?, bool>> EveryEntry = (e, userId, email, jsonEmail, name, jsonName) => true;

    /// <summary>An entry's texts joined, as the migration's indexes join them.</summary>
    private static readonly Expression<Func<AuditEntry, NpgsqlTypes.NpgsqlTsVector>> WordsOf = e =>
        EF.Functions.ToTsVector(TextSearchConfiguration, e.ActorName + SearchTextSeparator + (e.TargetLabel ?? "") + SearchTextSeparator + (e.ChangesJson ?? ""));

    private const string SearchTextSeparator = " ";

    /// <summary>No stemming and no stop words: a name or address is matched as written (lower-cased).</summary>
    private const string TextSearchConfiguration = "simple";

    private static readonly CompiledPerModel<Func<LearningHubDbContext, string, string, string, string?, string?, IAsyncEnumerable<AuditEntry>>> AboutThemUntracked =
        new(db => CompileAboutThem(db, QueryTrackingBehavior.NoTracking));

    private static readonly CompiledPerModel<Func<LearningHubDbContext, string, string, string, string?, string?, IAsyncEnumerable<AuditEntry>>> AboutThemTracked =
        new(db => CompileAboutThem(db, QueryTrackingBehavior.TrackAll));

    /// <summary>The narrowing (PostgreSQL's, or none) and the rule put in place by LinqKit's Expand, compiled.</summary>
    private static Func<LearningHubDbContext, string, string, string, string?, string?, IAsyncEnumerable<AuditEntry>> CompileAboutThem(
        DbContext model, QueryTrackingBehavior tracking)
    {
        var narrowing = model.Database.IsNpgsql() ? MayBeAboutThemByWords : EveryEntry;
        Expression<Func<LearningHubDbContext, string, string, string, string?, string?, IQueryable<AuditEntry>>> query =
            (db, userId, email, jsonEmail, name, jsonName) => db.AuditEntries.AsTracking(tracking)
                .Where(e => narrowing.Invoke(e, userId, email, jsonEmail, name, jsonName))
                .Where(e => IsAboutThem.Invoke(e, userId, email, jsonEmail, name, jsonName))
                .OrderBy(e => e.OccurredUtc);
        return EF.CompileAsyncQuery(query.Expand());
    }

    private sealed record ProfileRow(ApplicationUser User, string? Agency, Sector? Sector, string? Locality);

    /// <summary>
    /// The export's queries, compiled (<see cref="CompiledPerModel{TQuery}"/>): an export runs a dozen queries, and
    /// building each one's expression tree, extracting its parameters and hashing it for EF Core's cache took about a
    /// fifth of the app's CPU on an export (bench/README.md, "Session 20"). The board filter still applies.
    /// </summary>
    private static class ExportQueries
    {
        /// <summary>The account with its agency and locality named, in one query.</summary>
        public static readonly CompiledPerModel<Func<LearningHubDbContext, string, CancellationToken, Task<ProfileRow>>> Profile = new(() =>
            EF.CompileAsyncQuery((LearningHubDbContext db, string userId, CancellationToken ct) =>
                db.Users.AsNoTracking().Where(u => u.Id == userId)
                    .LeftJoin(db.Agencies, u => u.AgencyId, a => (Guid?)a.Id, (u, a) => new { User = u, Agency = a })
                    .LeftJoin(db.Localities, x => x.User.LocalityId, l => (Guid?)l.Id, (x, l) => new ProfileRow(
                        x.User,
                        x.Agency == null ? null : x.Agency.Name,
                        x.Agency == null ? null : x.Agency.Sector,
                        l == null ? null : l.Name))
                    .Single()));

        public static readonly CompiledPerModel<Func<LearningHubDbContext, string, IAsyncEnumerable<string?>>> Roles = new(() =>
            EF.CompileAsyncQuery((LearningHubDbContext db, string userId) =>
                db.UserRoles.AsNoTracking().Where(r => r.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)));
    }
}
