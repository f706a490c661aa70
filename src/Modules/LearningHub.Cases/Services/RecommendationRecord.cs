using LearningHub.Cases.Domain;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Services;

/// <summary>A recommendation of a published module, as it stands: its text from the published version and its current status.</summary>
public sealed record PublishedRecommendation
{
    // Init properties, not a positional record: EF Core can filter and sort on a member-initialised projection.
    public Guid ModuleId { get; init; }

    public string ModuleSlug { get; init; } = "";

    public string ModuleTitle { get; init; } = "";

    public bool ModuleArchived { get; init; }

    public int Position { get; init; }

    public string Number { get; init; } = "";

    public string Text { get; init; } = "";

    public string? Rationale { get; init; }

    public Guid? ThemeId { get; init; }

    public RecommendationScope Scope { get; init; }

    public RecommendationStatus Status { get; init; }
}

/// <summary>What the board records when a recommendation's status changes.</summary>
public sealed record RecommendationChange(RecommendationStatus Status, DateOnly On, string? Note, string? EvidenceUrl, Guid? OwnerAgencyId, DateOnly? TargetDate);

/// <summary>
/// The board's record of each published recommendation: a dated history of status changes, each audited. The
/// current status is the latest change (by its date, then when it was recorded), or the author's status until
/// there is one; <see cref="CurrentStatus"/> is the only place that rule is written, so lists, filters and
/// reports agree.
/// </summary>
public sealed class RecommendationRecord(LearningHubDbContext db, TimeProvider clock, AuditLog audit)
{
    /// <summary>Statuses that need a note saying why: the one rule for the author's status, recipes and the board's record.</summary>
    public static bool NeedsReason(RecommendationStatus status) => status == RecommendationStatus.NotAccepted;

    /// <summary>What a form says when a status that needs a reason has none.</summary>
    public const string ReasonMissing = "Enter why the recommendation was not accepted";

    /// <summary>Whether a status comes with the reason it needs (<see cref="NeedsReason"/>).</summary>
    public static bool HasReasonIfNeeded(RecommendationStatus status, string? reason) => !NeedsReason(status) || !string.IsNullOrWhiteSpace(reason);

    /// <summary>The statuses the board records after publication (Not yet known is only where a recommendation starts).</summary>
    public static IReadOnlyList<RecommendationStatus> Recordable { get; } =
        Enum.GetValues<RecommendationStatus>().Where(s => s != RecommendationStatus.NotYetKnown).ToList();

    /// <summary>Each published recommendation of the board with its current status (translated to one SQL query).</summary>
    public IQueryable<PublishedRecommendation> Published() =>
        from r in db.Set<CaseRecommendation>().AsNoTracking()
        join m in db.Set<CaseModule>() on r.VersionId equals m.PublishedVersionId
        select new PublishedRecommendation
        {
            ModuleId = m.Id,
            ModuleSlug = m.Slug,
            ModuleTitle = m.Title,
            ModuleArchived = m.Status == CaseModuleStatus.Archived,
            Position = r.Position,
            Number = r.Number,
            Text = r.Text,
            Rationale = r.Rationale,
            ThemeId = r.ThemeId,
            Scope = r.Scope,
            Status = db.Set<RecommendationUpdate>()
                .Where(u => u.ModuleId == m.Id && u.Number == r.Number)
                .OrderByDescending(u => u.On).ThenByDescending(u => u.RecordedUtc)
                .Select(u => (RecommendationStatus?)u.Status)
                .FirstOrDefault() ?? r.Status,
        };

    /// <summary>The rule in <see cref="Published"/>, for a history already loaded.</summary>
    public static RecommendationStatus CurrentStatus(RecommendationStatus authored, IEnumerable<RecommendationUpdate> history) =>
        history.OrderByDescending(u => u.On).ThenByDescending(u => u.RecordedUtc).Select(u => (RecommendationStatus?)u.Status).FirstOrDefault() ?? authored;

    public Task<PublishedRecommendation?> FindAsync(string moduleSlug, string number, CancellationToken cancellationToken = default) =>
        Published().Where(r => r.ModuleSlug == moduleSlug && r.Number == number).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The history, newest first.</summary>
    public async Task<IReadOnlyList<RecommendationUpdate>> HistoryAsync(Guid moduleId, string number, CancellationToken cancellationToken = default) =>
        await db.Set<RecommendationUpdate>().AsNoTracking().Where(u => u.ModuleId == moduleId && u.Number == number)
            .OrderByDescending(u => u.On).ThenByDescending(u => u.RecordedUtc).ToListAsync(cancellationToken);

    /// <summary>
    /// Adds a status change to the recommendation's history with its audit entry, saved together. The caller has
    /// validated the input; the rules that make a change meaningless are checked again here so no caller can skip them.
    /// </summary>
    public async Task<RecommendationUpdate> RecordAsync(PublishedRecommendation recommendation, RecommendationChange change, Actor actor,
        CancellationToken cancellationToken = default)
    {
        if (change.Status == RecommendationStatus.NotYetKnown)
        {
            throw new WorkflowException("Choose the recommendation's new status");
        }

        if (!HasReasonIfNeeded(change.Status, change.Note))
        {
            throw new WorkflowException("Say why the recommendation was not accepted");
        }

        var update = new RecommendationUpdate
        {
            ModuleId = recommendation.ModuleId,
            Number = recommendation.Number,
            Status = change.Status,
            On = change.On,
            Note = string.IsNullOrWhiteSpace(change.Note) ? null : change.Note.Trim(),
            EvidenceUrl = string.IsNullOrWhiteSpace(change.EvidenceUrl) ? null : change.EvidenceUrl.Trim(),
            OwnerAgencyId = change.OwnerAgencyId,
            TargetDate = change.TargetDate,
            RecordedByUserId = actor.UserId,
            RecordedByName = actor.Name,
            RecordedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(update);
        audit.Record("cases.recommendation.status_recorded",
            new AuditTarget("Recommendation", $"{recommendation.ModuleSlug}/{recommendation.Number}", $"{recommendation.ModuleTitle}, recommendation {recommendation.Number}"),
            new
            {
                before = recommendation.Status.ToString(),
                after = update.Status.ToString(),
                on = update.On.ToString("yyyy-MM-dd"),
                note = update.Note,
                evidence = update.EvidenceUrl,
                ownerAgencyId = update.OwnerAgencyId,
                targetDate = update.TargetDate?.ToString("yyyy-MM-dd"),
            });
        await db.SaveChangesAsync(cancellationToken);
        return update;
    }
}
