using System.Security.Cryptography;
using LearningHub.Cases.Domain;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Notifications.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Services;

/// <summary>The outcome of marking a section done: the problems with the answers, or whether the module is now complete.</summary>
public sealed record SectionResult(IReadOnlyDictionary<Guid, string> Problems, bool ModuleCompleted, string? CertificateCode)
{
    public bool Succeeded => Problems.Count == 0;
}

public sealed record LearningRecord(string Slug, string Title, int VersionNumber, int SectionsDone, int SectionCount,
    DateTime LastActivityUtc, DateTime? CompletedUtc, string? CertificateCode, bool IsCurrentVersion);

/// <summary>
/// A practitioner's progress through a module version: sections done, reflective answers and time, the
/// completion when every section is done and answered, its certificate and the "module completed" mail.
/// </summary>
public sealed class CaseLearning(LearningHubDbContext db, BoardContext boards, TemplatedMail mail, TimeProvider clock)
{
    public const int MaxAnswerLength = 10000;

    public Task<CaseProgress?> FindAsync(string userId, Guid versionId, CancellationToken cancellationToken = default) =>
        db.Set<CaseProgress>().Include(p => p.SectionsDone).Include(p => p.Answers)
            .SingleOrDefaultAsync(p => p.UserId == userId && p.VersionId == versionId, cancellationToken);

    /// <summary>The person's progress on this version, started now if they had none; time since their last page is counted.</summary>
    public async Task<CaseProgress> OpenAsync(string userId, CaseModuleVersion version, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var progress = await FindAsync(userId, version.Id, cancellationToken);
        if (progress is null)
        {
            progress = new CaseProgress
            {
                UserId = userId, ModuleId = version.ModuleId, VersionId = version.Id, StartedUtc = now, LastActivityUtc = now,
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
    /// Saves the answers to a section's questions and marks it done, in one save. Every question needs an
    /// answer; with problems nothing is saved and the problems are returned by question id.
    /// </summary>
    public async Task<SectionResult> CompleteSectionAsync(string userId, string userName, string userEmail, CaseModuleVersion version,
        CaseSection section, IReadOnlyDictionary<Guid, string?> answers, Func<string, string> certificateUrl,
        CancellationToken cancellationToken = default)
    {
        var problems = new Dictionary<Guid, string>();
        foreach (var question in section.Questions)
        {
            var answer = answers.GetValueOrDefault(question.Id)?.Trim();
            if (string.IsNullOrEmpty(answer))
            {
                problems[question.Id] = $"Enter your answer to question {question.Position + 1}";
            }
            else if (answer.Length > MaxAnswerLength)
            {
                problems[question.Id] = $"Your answer to question {question.Position + 1} must be {MaxAnswerLength:N0} characters or fewer";
            }
        }

        if (problems.Count > 0)
        {
            return new SectionResult(problems, false, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var progress = await OpenTrackedAsync(userId, version, now, cancellationToken);
        foreach (var question in section.Questions)
        {
            var text = answers[question.Id]!.Trim();
            var existing = progress.Answers.FirstOrDefault(a => a.QuestionId == question.Id);
            if (existing is null)
            {
                // Added explicitly: a child with its id set, found through a navigation, would be taken for an existing row.
                var answer = new ReflectiveAnswer { ProgressId = progress.Id, QuestionId = question.Id, Text = text, UpdatedUtc = now };
                db.Add(answer);
                progress.Answers.Add(answer);
            }
            else if (existing.Text != text)
            {
                existing.Text = text;
                existing.UpdatedUtc = now;
            }
        }

        if (progress.SectionsDone.All(d => d.SectionId != section.Id))
        {
            var sectionDone = new CaseSectionDone { ProgressId = progress.Id, SectionId = section.Id, DoneUtc = now };
            db.Add(sectionDone);
            progress.SectionsDone.Add(sectionDone);
        }

        string? code = null;
        var completedNow = progress.CompletedUtc is null && IsComplete(version, progress);
        if (completedNow)
        {
            progress.CompletedUtc = now;
            code = await NewCodeAsync(cancellationToken);
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
            });
            await mail.QueueAsync(CasesMailTemplates.ModuleCompleted.Key, userEmail, userName,
                new Dictionary<string, string>
                {
                    [CasesMailTemplates.ModuleTitle] = version.Title,
                    [CasesMailTemplates.CertificateLink] = certificateUrl(code),
                },
                $"cases.module-completed:{progress.Id}", cancellationToken: cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SectionResult(problems, completedNow, code);
    }

    public Task<string?> CertificateCodeAsync(Guid progressId, CancellationToken cancellationToken = default) =>
        db.Set<CaseCertificate>().Where(c => c.ProgressId == progressId).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken);

    public static bool IsComplete(CaseModuleVersion version, CaseProgress progress) =>
        version.Sections.All(s => progress.SectionsDone.Any(d => d.SectionId == s.Id)
            && s.Questions.All(q => progress.Answers.Any(a => a.QuestionId == q.Id && a.Text.Length > 0)));

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
                Code = db.Set<CaseCertificate>().Where(c => c.ProgressId == p.Id).Select(c => c.Code).FirstOrDefault(),
                Current = p.Version.Module.PublishedVersionId == p.VersionId,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new LearningRecord(r.Slug, r.Title, r.Number, r.Done, r.Sections, r.LastActivityUtc, r.CompletedUtc,
            r.Code, r.Current)).ToList();
    }

    private async Task<CaseProgress> OpenTrackedAsync(string userId, CaseModuleVersion version, DateTime now, CancellationToken cancellationToken)
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
