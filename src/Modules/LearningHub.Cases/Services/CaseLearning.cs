using System.Security.Cryptography;
using LearningHub.Cases.Domain;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Forms.Services;
using LearningHub.Notifications.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Services;

/// <summary>The outcome of marking a section done: the problem (its reflective questions are not answered), or whether the module is now complete.</summary>
public sealed record SectionResult(string? Problem, bool ModuleCompleted, string? CertificateCode)
{
    public bool Succeeded => Problem is null;
}

public sealed record LearningRecord(string Slug, string Title, int VersionNumber, int SectionsDone, int SectionCount,
    DateTime LastActivityUtc, DateTime? CompletedUtc, string? CertificateCode, bool IsCurrentVersion, string? CompletedBy = null);

/// <summary>
/// A practitioner's progress through a module version: sections done and time, the completion when every
/// section is done and its reflective questions answered (Forms keeps those: <see cref="CaseReflection"/>),
/// its certificate and the "module completed" mail.
/// </summary>
public sealed class CaseLearning(LearningHubDbContext db, BoardContext boards, BoardLinks links, TemplatedMail mail, TimeProvider clock, IFormFilling forms)
{
    public Task<CaseProgress?> FindAsync(string userId, Guid versionId, CancellationToken cancellationToken = default) =>
        CaseQueries.Progress.For(db)(db, userId, versionId, cancellationToken);

    /// <summary>Of these modules, those the person has completed (any version).</summary>
    public async Task<IReadOnlySet<Guid>> CompletedModulesAsync(string userId, IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default) =>
        (await db.Set<CaseProgress>()
            .Where(p => p.UserId == userId && moduleIds.Contains(p.ModuleId) && p.CompletedUtc != null)
            .Select(p => p.ModuleId).Distinct().ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>The person's progress on this version, started now if they had none; time since their last page is counted.</summary>
    public async Task<CaseProgress> OpenAsync(string userId, CaseModuleVersion version, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var progress = await FindAsync(userId, version.Id, cancellationToken);
        if (progress is null)
        {
            progress = new CaseProgress
            {
                UserId = userId,
                ModuleId = version.ModuleId,
                VersionId = version.Id,
                StartedUtc = now,
                LastActivityUtc = now,
            };
            db.Add(progress);
        }
        else if (progress.CompletedUtc is null)
        {
            progress.Touch(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return progress;
    }

    /// <summary>
    /// Marks the section done, and the module complete (certificate, mail) when every section is done and
    /// every section's reflective questions are answered in Forms. A section whose own reflective questions
    /// are not yet answered is not marked: the problem says so and nothing is saved.
    /// </summary>
    public async Task<SectionResult> CompleteSectionAsync(string userId, string userName, string userEmail, CaseModuleVersion version,
        CaseSection section, CancellationToken cancellationToken = default)
    {
        var slug = version.Module.Slug;
        var unanswered = await forms.UnansweredContextsAsync(
            version.Sections.Select(s => CaseReflection.Context(slug, s.Key)).ToList(), CaseReflection.Purpose, userId, cancellationToken);
        if (unanswered.Contains(CaseReflection.Context(slug, section.Key)))
        {
            return new SectionResult("Answer the reflective questions before you mark this section as done", false, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var progress = await OpenTrackedAsync(userId, version, now, cancellationToken);
        if (progress.SectionsDone.All(d => d.SectionId != section.Id))
        {
            var sectionDone = new CaseSectionDone { ProgressId = progress.Id, SectionId = section.Id, DoneUtc = now };
            db.Add(sectionDone);
            progress.SectionsDone.Add(sectionDone);
        }

        string? code = null;
        var completedNow = progress.CompletedUtc is null
                           && version.Sections.All(s => progress.SectionsDone.Any(d => d.SectionId == s.Id))
                           && unanswered.Count == 0;
        if (completedNow)
        {
            code = await CompleteAsync(progress, version, userId, userName, userEmail, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SectionResult(null, completedNow, code);
    }

    /// <summary>
    /// Records the completion on the progress, issues its certificate and queues the "module completed" mail,
    /// all in the context's unit of work (the caller saves). Returns the certificate's code.
    /// </summary>
    internal async Task<string> CompleteAsync(CaseProgress progress, CaseModuleVersion version, string userId, string userName,
        string userEmail, DateTime now, CancellationToken cancellationToken)
    {
        progress.CompletedUtc = now;
        var code = await NewCodeAsync(cancellationToken);
        db.Add(new CaseCertificate
        {
            ProgressId = progress.Id,
            UserId = userId,
            Code = code,
            HolderName = userName,
            ModuleTitle = version.Title,
            ModuleSlug = version.Module.Slug,
            VersionNumber = version.Number,
            CompletedUtc = now,
            MinutesSpent = Math.Max(1, (int)Math.Round(progress.SecondsSpent / 60.0)),
            CompletedBy = progress.CompletedBy,
        });
        await mail.QueueAsync(CasesMailTemplates.ModuleCompleted.Key, userEmail, userName,
            new Dictionary<string, string>
            {
                [CasesMailTemplates.ModuleTitle] = version.Title,
                [CasesMailTemplates.CertificateLink] = links.Url("/Certificates/Show", new { code }),
            },
            $"cases.module-completed:{progress.Id}", cancellationToken: cancellationToken);
        return code;
    }

    /// <summary>Of the version's sections, the keys of those whose reflective questions the person has still to answer.</summary>
    public async Task<IReadOnlySet<Guid>> UnansweredSectionsAsync(CaseModuleVersion version, string userId, CancellationToken cancellationToken = default)
    {
        var slug = version.Module.Slug;
        var contexts = version.Sections.ToDictionary(s => CaseReflection.Context(slug, s.Key), s => s.Key);
        var unanswered = await forms.UnansweredContextsAsync(contexts.Keys, CaseReflection.Purpose, userId, cancellationToken);
        return unanswered.Select(c => contexts[c]).ToHashSet();
    }

    public Task<string?> CertificateCodeAsync(Guid progressId, CancellationToken cancellationToken = default) =>
        db.Set<CaseCertificate>().Where(c => c.ProgressId == progressId).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<LearningRecord>> MyLearningAsync(string userId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<CaseProgress>().AsNoTracking()
            .Where(p => p.UserId == userId)
            .OrderByDescending(p => p.LastActivityUtc)
            .Select(p => new
            {
                p.Version.Module.Slug,
                p.Version.Title,
                p.Version.Number,
                Done = p.SectionsDone.Count,
                Sections = p.Version.Sections.Count,
                p.LastActivityUtc,
                p.CompletedUtc,
                p.CompletedBy,
                Code = db.Set<CaseCertificate>().Where(c => c.ProgressId == p.Id).Select(c => c.Code).FirstOrDefault(),
                Current = p.Version.Module.PublishedVersionId == p.VersionId,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new LearningRecord(r.Slug, r.Title, r.Number, r.Done, r.Sections, r.LastActivityUtc, r.CompletedUtc,
            r.Code, r.Current, r.CompletedBy)).ToList();
    }

    internal async Task<CaseProgress> OpenTrackedAsync(string userId, CaseModuleVersion version, DateTime now, CancellationToken cancellationToken)
    {
        var progress = await FindAsync(userId, version.Id, cancellationToken);
        if (progress is null)
        {
            progress = new CaseProgress { UserId = userId, ModuleId = version.ModuleId, VersionId = version.Id, StartedUtc = now, LastActivityUtc = now };
            db.Add(progress);
        }
        else if (progress.CompletedUtc is null)
        {
            progress.Touch(now);
        }

        return progress;
    }

    // No 0/O or 1/I, so a code read out or typed from paper is not mistaken.
    private const string CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private async Task<string> NewCodeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(CodeAlphabet, 8);
            var code = $"{boards.Required.ShortName.ToUpperInvariant()}-{new string(chars, 0, 4)}-{new string(chars, 4, 4)}";
            // Codes are unique across boards (the verify page looks them up within its board, the index across all).
            if (!await db.Set<CaseCertificate>().IgnoreQueryFilters().AnyAsync(c => c.Code == code, cancellationToken))
            {
                return code;
            }
        }
    }
}

/// <summary>
/// The person's own progress, read on every signed-in view of a module and each of its sections, compiled
/// (<see cref="CompiledPerModel{TQuery}"/>): EF Core then skips making the query's cache key from its expression tree.
/// </summary>
internal static class CaseQueries
{
    public static readonly CompiledPerModel<Func<LearningHubDbContext, string, Guid, CancellationToken, Task<CaseProgress?>>> Progress = new(() =>
        EF.CompileAsyncQuery((LearningHubDbContext db, string userId, Guid versionId, CancellationToken ct) =>
            db.Set<CaseProgress>().Include(p => p.SectionsDone).SingleOrDefault(p => p.UserId == userId && p.VersionId == versionId)));
}
