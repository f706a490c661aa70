using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Services;

/// <summary>Loading, copying and clearing a version's content (sections, chronology, findings, recommendations).</summary>
public static class CaseVersions
{
    public static Task<CaseModuleVersion?> LoadAsync(LearningHubDbContext db, Guid versionId, bool tracking, CancellationToken cancellationToken = default)
    {
        var query = db.Set<CaseModuleVersion>()
            .Include(v => v.Module)
            .Include(v => v.Themes)
            .Include(v => v.Topics)
            .Include(v => v.Sections)
            .Include(v => v.Chronology)
            .Include(v => v.Findings)
            .Include(v => v.Recommendations)
            .Include(v => v.PracticeActions)
            .AsSplitQuery();
        if (!tracking)
        {
            query = query.AsNoTracking();
        }

        return query.SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
    }

    /// <summary>Copies the content (not the workflow fields) into <paramref name="to"/>, with new rows for every child.</summary>
    public static void CopyContent(CaseModuleVersion from, CaseModuleVersion to)
    {
        to.Title = from.Title;
        to.ReviewType = from.ReviewType;
        to.ReviewPublishedOn = from.ReviewPublishedOn;
        to.Summary = from.Summary;
        to.ContentWarning = from.ContentWarning;
        to.SupportSignposting = from.SupportSignposting;
        to.EstimatedMinutes = from.EstimatedMinutes;
        to.BoardResponse = from.BoardResponse;
        to.KeyMessages = from.KeyMessages;
        to.SearchText = from.SearchText;
        to.Themes = from.Themes.Select(t => new CaseVersionTheme { VersionId = to.Id, ThemeId = t.ThemeId }).ToList();
        to.Topics = from.Topics.Select(t => new CaseVersionTopic { VersionId = to.Id, TopicId = t.TopicId }).ToList();
        to.Sections = from.Sections.OrderBy(s => s.Position).Select((s, i) =>
        {
            // The key is kept, so the copy asks the same reflective questions (a form attached to the key's context).
            return new CaseSection { VersionId = to.Id, Key = s.Key, Position = i, Kind = s.Kind, Title = s.Title, Body = s.Body };
        }).ToList();
        to.Chronology = from.Chronology.OrderBy(c => c.Position).Select((c, i) => new CaseChronologyEntry
        {
            VersionId = to.Id,
            Position = i,
            When = c.When,
            What = c.What,
            Agencies = c.Agencies,
        }).ToList();
        to.Findings = from.Findings.OrderBy(f => f.Position).Select((f, i) => new CaseFinding
        {
            VersionId = to.Id,
            Position = i,
            Text = f.Text,
            ThemeId = f.ThemeId,
            LinesOfEnquiry = f.LinesOfEnquiry,
        }).ToList();
        to.Recommendations = from.Recommendations.OrderBy(r => r.Position).Select((r, i) => new CaseRecommendation
        {
            VersionId = to.Id,
            Position = i,
            Number = r.Number,
            Text = r.Text,
            Rationale = r.Rationale,
            ThemeId = r.ThemeId,
            Scope = r.Scope,
            Status = r.Status,
            StatusReason = r.StatusReason,
        }).ToList();
        to.PracticeActions = from.PracticeActions.OrderBy(a => a.Position).Select((a, i) => new CasePracticeAction
        {
            VersionId = to.Id,
            Position = i,
            Role = a.Role,
            Text = a.Text,
        }).ToList();
    }

    /// <summary>Marks the content <see cref="CopyContent"/> put into a tracked version as new rows.</summary>
    public static void AddContent(LearningHubDbContext db, CaseModuleVersion version)
    {
        db.AddRange(version.Themes);
        db.AddRange(version.Topics);
        db.AddRange(version.Sections);
        db.AddRange(version.Chronology);
        db.AddRange(version.Findings);
        db.AddRange(version.Recommendations);
        db.AddRange(version.PracticeActions);
    }

    /// <summary>Deletes a version's child rows (the caller saves). Only for versions nobody has started.</summary>
    public static async Task RemoveContentAsync(LearningHubDbContext db, CaseModuleVersion version, CancellationToken cancellationToken)
    {
        var id = version.Id;
        db.RemoveRange(await db.Set<CaseVersionTheme>().Where(x => x.VersionId == id).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<CaseVersionTopic>().Where(x => x.VersionId == id).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<CaseSection>().Where(x => x.VersionId == id).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<CaseChronologyEntry>().Where(x => x.VersionId == id).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<CaseFinding>().Where(x => x.VersionId == id).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<CaseRecommendation>().Where(x => x.VersionId == id).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<CasePracticeAction>().Where(x => x.VersionId == id).ToListAsync(cancellationToken));
        version.Themes.Clear();
        version.Topics.Clear();
        version.Sections.Clear();
        version.Chronology.Clear();
        version.Findings.Clear();
        version.Recommendations.Clear();
        version.PracticeActions.Clear();
    }
}
