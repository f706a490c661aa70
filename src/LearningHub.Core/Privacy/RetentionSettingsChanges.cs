using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Core.Privacy;

/// <summary>What saving the retention settings came to.</summary>
public enum RetentionSettingsSaved
{
    Changed,
    Unchanged,

    /// <summary>Another administrator saved the board's first settings at the same moment; nothing was saved.</summary>
    Conflict,
}

/// <summary>Saves how long the board keeps each kind of personal data, with an audit entry naming the periods that changed.</summary>
public sealed class RetentionSettingsChanges(LearningHubDbContext db, BoardContext boards, AuditLog audit, TimeProvider clock)
{
    public async Task<RetentionSettingsSaved> SaveAsync(IReadOnlyDictionary<RetentionRule, RetentionPeriod> periods,
        CancellationToken cancellationToken = default)
    {
        var settings = await db.Set<RetentionSettings>().SingleOrDefaultAsync(cancellationToken);
        var before = (settings ?? new RetentionSettings()).Describe();
        if (settings is null)
        {
            settings = new RetentionSettings();
            db.Add(settings);
        }

        settings.Attendance = periods[RetentionRule.Attendance];
        settings.UnconfirmedAccounts = periods[RetentionRule.UnconfirmedAccounts];
        settings.MailBodies = periods[RetentionRule.MailBodies];
        settings.NamedAnswers = periods[RetentionRule.NamedAnswers];
        settings.UpdatedUtc = clock.GetUtcNow().UtcDateTime;

        var after = settings.Describe();
        var changed = after.Keys.Where(k => before[k] != after[k]).ToList();
        if (changed.Count > 0)
        {
            audit.Record("privacy.retention.changed", new AuditTarget("Board", boards.Required.Id.ToString(), boards.Required.Name), new
            {
                before = changed.ToDictionary(k => k, k => before[k]),
                after = changed.ToDictionary(k => k, k => after[k]),
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // One row per board wins; the loser's unsaved row and entry are dropped so the page can load again.
            db.ChangeTracker.Clear();
            return RetentionSettingsSaved.Conflict;
        }

        return changed.Count > 0 ? RetentionSettingsSaved.Changed : RetentionSettingsSaved.Unchanged;
    }
}
