using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Services;

/// <summary>
/// Attendance at learning the board counts toward a case module (a roadshow on Case Y) completes the module's
/// latest published version for the person, as working through it would: the completion on their progress
/// (with where it came from, "attended: …"), the certificate (their CPD record, which says so too) and the
/// "module completed" mail. Everything is added to the caller's unit of work; the caller saves.
/// </summary>
public sealed class CaseAttendanceCredit(LearningHubDbContext db, CaseLearning learning) : IAttendanceCredit
{
    public const int MaxSourceLength = 300;

    public async Task CreditAsync(AttendanceCredit credit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credit);
        var module = await db.Set<CaseModule>().SingleOrDefaultAsync(m => m.Slug == credit.ModuleKey, cancellationToken);
        if (module?.PublishedVersionId is not { } versionId)
        {
            // Not a module of this board, or not published (archived, or still a draft): there is nothing to credit.
            return;
        }

        var version = await db.Set<CaseModuleVersion>().SingleAsync(v => v.Id == versionId, cancellationToken);
        var progress = db.Set<CaseProgress>().Local.SingleOrDefault(p => p.UserId == credit.UserId && p.VersionId == versionId)
                       ?? await learning.FindAsync(credit.UserId, versionId, cancellationToken);
        if (progress?.CompletedUtc is not null)
        {
            return;
        }

        var attended = credit.AttendedUtc;
        if (progress is null)
        {
            progress = new CaseProgress
            {
                UserId = credit.UserId,
                ModuleId = module.Id,
                VersionId = versionId,
                StartedUtc = attended,
                LastActivityUtc = attended,
            };
            db.Add(progress);
        }

        var source = $"attended: {credit.Source.Trim()}";
        progress.CompletedBy = source.Length > MaxSourceLength ? source[..MaxSourceLength] : source;
        // The time the session took counts as time spent, so the certificate does not say "1 minute".
        progress.SecondsSpent = Math.Max(progress.SecondsSpent, version.EstimatedMinutes * 60);
        await learning.CompleteAsync(progress, version, credit.UserId, credit.FullName, credit.Email, attended, cancellationToken);
    }
}
