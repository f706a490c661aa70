using System.Globalization;
using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using LearningHub.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Privacy;

/// <summary>
/// The person's case learning: progress through each module version, completions (their CPD record, including
/// modules completed by attending an event) and certificates. Reflective answers are form submissions and
/// come from the forms module.
/// </summary>
public sealed class CasesPersonalData(LearningHubDbContext db) : IPersonalDataSource
{
    public string Name => "Case learning";

    public IReadOnlyList<PrivacyNoticeEntry> DescribeForNotice(RetentionSettings retention) =>
    [
        new("Your progress through case learning modules (sections done, time spent), your completions and your certificates, which carry your name.",
            "To let you carry on where you left off, to give you a CPD record and certificates anyone can verify, and to count completions by agency and theme.",
            "Until you delete your account or ask the board to. Then completions are kept without your name, so the board's counts stay true, and a certificate's verify page says its record was removed."),
    ];

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        var progress = await ExportQueries.Progress.For(db)(db, subject.UserId).ToListAsync(cancellationToken);
        var certificates = await ExportQueries.Certificates.For(db)(db, subject.UserId).ToListAsync(cancellationToken);
        var invariant = CultureInfo.InvariantCulture;
        return
        [
            new PersonalDataSection("Progress", ["Module", "Version", "Started", "Last activity", "Sections done", "Minutes spent"],
                progress.Select(p => (IReadOnlyList<string?>)[p.Title, p.Number.ToString(invariant), PersonalDataText.Time(p.StartedUtc),
                    PersonalDataText.Time(p.LastActivityUtc), $"{p.Done} of {p.Sections}", (p.SecondsSpent / 60).ToString(invariant)]).ToList()),
            new PersonalDataSection("Completions (CPD record)", ["Module", "Version", "Completed", "How"],
                progress.Where(p => p.CompletedUtc is not null)
                    .Select(p => (IReadOnlyList<string?>)[p.Title, p.Number.ToString(invariant), PersonalDataText.Time(p.CompletedUtc),
                        p.CompletedBy ?? "worked through the sections"]).ToList()),
            new PersonalDataSection("Certificates", ["Code", "Name on certificate", "Module", "Version", "Completed", "Minutes"],
                certificates.Select(c => (IReadOnlyList<string?>)[c.Code, c.HolderName, c.ModuleTitle, c.VersionNumber.ToString(invariant),
                    PersonalDataText.Time(c.CompletedUtc), c.MinutesSpent.ToString(invariant)]).ToList()),
        ];
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        foreach (var certificate in await db.Set<CaseCertificate>().Where(c => c.UserId == subject.UserId).ToListAsync(cancellationToken))
        {
            certificate.RemovePersonalData();
        }

        foreach (var progress in await db.Set<CaseProgress>().Where(p => p.UserId == subject.UserId).ToListAsync(cancellationToken))
        {
            progress.RemovePersonalData();
        }
    }

    private sealed record ProgressRow(string Title, int Number, DateTime StartedUtc, DateTime LastActivityUtc, int SecondsSpent,
        DateTime? CompletedUtc, string? CompletedBy, int Done, int Sections);

    /// <summary>
    /// The export's queries, compiled (<see cref="CompiledPerModel{TQuery}"/>, as the account's own are in
    /// <see cref="AccountPersonalData"/>). The board filter still applies.
    /// </summary>
    private static class ExportQueries
    {
        public static readonly CompiledPerModel<Func<LearningHubDbContext, string, IAsyncEnumerable<ProgressRow>>> Progress = new(() =>
            EF.CompileAsyncQuery((LearningHubDbContext db, string userId) =>
                db.Set<CaseProgress>().AsNoTracking()
                    .Where(p => p.UserId == userId)
                    .OrderBy(p => p.StartedUtc)
                    .Select(p => new ProgressRow(p.Version.Title, p.Version.Number, p.StartedUtc, p.LastActivityUtc, p.SecondsSpent,
                        p.CompletedUtc, p.CompletedBy, p.SectionsDone.Count, p.Version.Sections.Count))));

        public static readonly CompiledPerModel<Func<LearningHubDbContext, string, IAsyncEnumerable<CaseCertificate>>> Certificates = new(() =>
            EF.CompileAsyncQuery<LearningHubDbContext, string, CaseCertificate>((db, userId) =>
                db.Set<CaseCertificate>().AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.CompletedUtc)));
    }
}
