using LearningHub.Cases.Domain;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Media.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Services;

/// <summary>
/// Tells the media library which case modules use an image, as their cover or inside a section's text
/// (<c>![](media:{id})</c>, in any version: a published or archived version still shows it), so it is
/// not deleted from under them.
/// </summary>
public sealed class CaseMediaUsage(LearningHubDbContext db, BoardLinks links) : IMediaUsageSource
{
    public async Task<IReadOnlyList<MediaUsage>> FindUsagesAsync(IReadOnlyCollection<Guid> assetIds, CancellationToken cancellationToken)
    {
        var modules = await db.Set<CaseModule>().AsNoTracking()
            .Where(m => m.CoverImageId != null && assetIds.Contains(m.CoverImageId.Value))
            .Select(m => new { m.Id, m.Title, CoverImageId = m.CoverImageId!.Value })
            .ToListAsync(cancellationToken);
        var usages = modules
            .Select(m => new MediaUsage(m.CoverImageId, $"Cover image of the case module '{m.Title}'", links.PathInBoard("/Author/Cover", new { id = m.Id })))
            .ToList();

        // Only sections that mention the scheme at all are read; their references are then parsed as
        // Markdown, so the text "media:" in a sentence or a code block is not mistaken for a use.
        var sections = await (
                from section in db.Set<CaseSection>().AsNoTracking()
                join version in db.Set<CaseModuleVersion>() on section.VersionId equals version.Id
                where section.Body.ToLower().Contains(CaseMarkdown.MediaScheme)
                select new { section.Title, section.Body, version.ModuleId, VersionNumber = version.Number, ModuleTitle = version.Title })
            .ToListAsync(cancellationToken);
        foreach (var section in sections.OrderBy(s => s.ModuleTitle).ThenBy(s => s.VersionNumber))
        {
            foreach (var id in CaseMarkdown.MediaIds(section.Body).Where(assetIds.Contains))
            {
                usages.Add(new MediaUsage(id,
                    $"In the section '{section.Title}' of the case module '{section.ModuleTitle}' (version {section.VersionNumber})",
                    links.PathInBoard("/Author/Module", new { id = section.ModuleId })));
            }
        }

        return usages;
    }
}
