using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Services;

public sealed record CatalogueFilter(string? Query, string? Theme, string? Topic, ReviewType? ReviewType);

/// <summary>One page of the catalogue and how many modules match in all.</summary>
public sealed record CataloguePage(IReadOnlyList<CatalogueItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record CatalogueItem(
    string Slug, string Title, ReviewType ReviewType, string Summary, int EstimatedMinutes, DateOnly? ReviewPublishedOn,
    IReadOnlyList<string> Themes, Guid? CoverImageId = null);

public sealed record TermChoice(Guid Id, string Key, string Name);

/// <summary>A published version with its module and the names of the board's themes and topics.</summary>
public sealed record PublishedModule(CaseModule Module, CaseModuleVersion Version, IReadOnlyDictionary<Guid, string> ThemeNames,
    IReadOnlyDictionary<Guid, string> TopicNames);

/// <summary>What practitioners can find: published, not archived modules of the current board only.</summary>
public sealed class CaseCatalogue(LearningHubDbContext db)
{
    public Task<List<TermChoice>> ThemesAsync(CancellationToken cancellationToken = default) =>
        db.LearningThemes.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new TermChoice(t.Id, t.Key, t.Name)).ToListAsync(cancellationToken);

    public Task<List<TermChoice>> TopicsAsync(CancellationToken cancellationToken = default) =>
        db.Topics.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new TermChoice(t.Id, t.Key, t.Name)).ToListAsync(cancellationToken);

    public const int PageSize = 20;

    public async Task<CataloguePage> SearchAsync(CatalogueFilter filter, IReadOnlyList<TermChoice> themes,
        IReadOnlyList<TermChoice> topics, int page = 1, CancellationToken cancellationToken = default)
    {
        var candidates = string.IsNullOrWhiteSpace(filter.Query) ? db.Set<CaseModuleVersion>() : CaseSearch.Matching(db, filter.Query);
        // From the modules (indexed by board and status) to their published version, not the other way round.
        var versions = from m in db.Set<CaseModule>()
                       where m.Status == CaseModuleStatus.Published
                       join v in candidates on m.PublishedVersionId equals v.Id
                       select v;

        if (filter.Theme is not null)
        {
            var themeId = themes.FirstOrDefault(t => t.Key == filter.Theme)?.Id ?? Guid.Empty;
            versions = versions.Where(v => v.Themes.Any(t => t.ThemeId == themeId));
        }

        if (filter.Topic is not null)
        {
            var topicId = topics.FirstOrDefault(t => t.Key == filter.Topic)?.Id ?? Guid.Empty;
            versions = versions.Where(v => v.Topics.Any(t => t.TopicId == topicId));
        }

        if (filter.ReviewType is { } type)
        {
            versions = versions.Where(v => v.ReviewType == type);
        }

        var total = await versions.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await versions.AsNoTracking()
            .OrderByDescending(v => v.ReviewPublishedOn).ThenBy(v => v.Title)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(v => new
            {
                v.Module.Slug,
                v.Module.CoverImageId,
                v.Title,
                v.ReviewType,
                v.Summary,
                v.EstimatedMinutes,
                v.ReviewPublishedOn,
                ThemeIds = v.Themes.Select(t => t.ThemeId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var names = themes.ToDictionary(t => t.Id, t => t.Name);
        var items = rows.Select(r => new CatalogueItem(r.Slug, r.Title, r.ReviewType, r.Summary, r.EstimatedMinutes, r.ReviewPublishedOn,
            r.ThemeIds.Where(names.ContainsKey).Select(id => names[id]).ToList(), r.CoverImageId)).ToList();
        return new CataloguePage(items, total, page, PageSize);
    }

    /// <summary>The module practitioners see at <c>/{board}/modules/{slug}</c>, or null if it is not published here.</summary>
    public async Task<PublishedModule?> PublishedAsync(string slug, CancellationToken cancellationToken = default)
    {
        var module = await db.Set<CaseModule>().AsNoTracking()
            .SingleOrDefaultAsync(m => m.Slug == slug && m.Status == CaseModuleStatus.Published, cancellationToken);
        if (module?.PublishedVersionId is not { } versionId)
        {
            return null;
        }

        var version = await CaseVersions.LoadAsync(db, versionId, tracking: false, cancellationToken);
        return version is null ? null : await WithNamesAsync(module, version, cancellationToken);
    }

    public async Task<PublishedModule> WithNamesAsync(CaseModule module, CaseModuleVersion version, CancellationToken cancellationToken = default)
    {
        var themes = await db.LearningThemes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var topics = await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return new PublishedModule(module, version, themes, topics);
    }
}
