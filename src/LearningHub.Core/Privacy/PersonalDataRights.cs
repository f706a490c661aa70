using LearningHub.Core.Accounts;
using System.Text.Json;
using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Core.Privacy;

/// <summary>What one module holds about the person.</summary>
public sealed record PersonalDataModule(string Name, IReadOnlyList<PersonalDataSection> Sections);

/// <summary>Everything the board holds about one person, gathered from every module.</summary>
public sealed record PersonalDataExport(string BoardName, string PersonName, DateTime GeneratedUtc, IReadOnlyList<PersonalDataModule> Modules)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// The machine-readable copy (UK GDPR article 20): each section's rows as objects keyed by column, so the
    /// file reads without the page that explains it.
    /// </summary>
    public byte[] ToJson()
    {
        var document = new
        {
            board = BoardName,
            generatedUtc = GeneratedUtc,
            modules = Modules.Select(m => new
            {
                name = m.Name,
                sections = m.Sections.Select(s => new
                {
                    title = s.Title,
                    rows = s.Rows.Select(row => s.Columns.Select((column, i) => (column, value: i < row.Count ? row[i] : null))
                        .ToDictionary(c => c.column, c => c.value)).ToList(),
                }),
            }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Indented);
    }
}

/// <summary>
/// A person's rights over their data on one board: a copy of it all (access, portability) and the erasure of
/// their account. Both are audited (<c>privacy.export.downloaded</c>, <c>privacy.account.deleted</c> when they
/// delete it themselves, <c>privacy.account.erased</c> when a board administrator does it on their request).
/// </summary>
public sealed class PersonalDataRights(
    LearningHubDbContext db, BoardContext boards, IEnumerable<IPersonalDataSource> sources, AccountPersonalData account,
    AuditLog audit, SessionCheckCache sessionChecks, TimeProvider clock)
{
    public const string ExportDownloaded = "privacy.export.downloaded";
    public const string AccountDeleted = "privacy.account.deleted";
    public const string AccountErased = "privacy.account.erased";

    /// <summary>The person with this account id on the current board, or null (another board's account is not found).</summary>
    public async Task<DataSubject?> SubjectAsync(string userId, CancellationToken cancellationToken = default)
    {
        return await SubjectQuery.For(db)(db, userId, cancellationToken);
    }

    /// <summary>Compiled, as the export's own queries are (<see cref="AccountPersonalData"/>).</summary>
    private static readonly CompiledPerModel<Func<LearningHubDbContext, string, CancellationToken, Task<DataSubject?>>> SubjectQuery = new(() =>
        EF.CompileAsyncQuery((LearningHubDbContext db, string userId, CancellationToken ct) =>
            db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new DataSubject(u.Id, u.BoardId, u.Email ?? "", u.FullName))
                .SingleOrDefault()));

    /// <summary>
    /// A copy of everything the board holds about the person with this account id, recorded in the audit log as viewed
    /// (<paramref name="format"/> "html") or downloaded ("json"); null when no such person is on the current board.
    /// </summary>
    /// <remarks>
    /// One connection for the person, the export's dozen queries and the audit entry: EF Core otherwise takes one from
    /// the pool and gives it back for each step, and Npgsql resets a connection taken again (the statements of a
    /// DISCARD ALL but the prepared ones) before its next query: three resets an export, against one.
    /// </remarks>
    public async Task<PersonalDataExport?> CopyAsync(string userId, string format, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (await SubjectAsync(userId, cancellationToken) is not { } subject)
            {
                return null;
            }

            var export = await ExportAsync(subject, cancellationToken);
            audit.Record(ExportDownloaded, AuditTarget.Account(subject.UserId, subject.FullName), new { format });
            await db.SaveChangesAsync(cancellationToken);
            return export;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>What every module holds about the person, gathered; <see cref="CopyAsync"/> is the copy a person is given.</summary>
    public async Task<PersonalDataExport> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        // One connection for the dozen queries (see CopyAsync); opening an open one only counts it.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var modules = new List<PersonalDataModule> { new(account.Name, await account.ExportAsync(subject, cancellationToken)) };
            foreach (var source in sources.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                modules.Add(new PersonalDataModule(source.Name, await source.ExportAsync(subject, cancellationToken)));
            }

            return new PersonalDataExport(boards.Required.Name, subject.FullName, clock.GetUtcNow().UtcDateTime, modules);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Erases the person's account: every module erases or anonymises what it holds, then the account goes, and
    /// the audit entry is written, all in one transaction. <paramref name="byThemselves"/> says which action is
    /// recorded; when the person acts for themselves the entry names them only as "removed person #…".
    /// </summary>
    public async Task EraseAsync(DataSubject subject, bool byThemselves, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var source in sources)
        {
            await source.EraseAsync(subject, cancellationToken);
        }

        await account.EraseAsync(subject, cancellationToken);
        var target = AuditTarget.Account(subject.UserId, subject.RemovedLabel);
        var modules = sources.Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
        if (byThemselves)
        {
            audit.Record(AccountDeleted, target, new { modules }, new AuditActor(subject.UserId, subject.RemovedLabel));
        }
        else
        {
            audit.Record(AccountErased, target, new { modules });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // After the commit, so no request can read the sessions again before they are gone.
        sessionChecks.Forget(subject.UserId);

        foreach (var source in sources)
        {
            await source.AfterErasedAsync(cancellationToken);
        }
    }
}

public static class PrivacyServices
{
    /// <summary>The rights service and the account's own source; each module registers its <see cref="IPersonalDataSource"/>.</summary>
    public static IServiceCollection AddPersonalDataRights(
        this IServiceCollection services)
    {
        services.AddScoped<AccountPersonalData>();
        services.AddScoped<PersonalDataRights>();
        services.AddScoped<PrivacyNotice>();
        return services;
    }
}
