using LearningHub.Cases.Domain;
using LearningHub.Core;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Core.Taxonomies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

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

/// <summary>A published version with its module, its rendered support text and the names of the board's themes and topics.</summary>
public sealed record PublishedModule(CaseModule Module, PublishedContent Content, IReadOnlyDictionary<Guid, string> ThemeNames,
    IReadOnlyDictionary<Guid, string> TopicNames)
{
    public CaseModuleVersion Version => Content.Version;

    /// <summary>The published parts of the review this module is one of, in order; empty for a module in one part.</summary>
    public IReadOnlyList<ModulePart> Parts { get; init; } = [];
}

/// <summary>What practitioners can find: published, not archived modules of the current board only.</summary>
public sealed class CaseCatalogue(LearningHubDbContext db, BoardTerms terms, PublishedVersions published, IMemoryCache cache,
    BoardContext boards, PublicPageCache publicPages, IOptions<LearningHubOptions> options)
{
    public Task<IReadOnlyList<TermChoice>> ThemesAsync(CancellationToken cancellationToken = default) => terms.ThemesAsync(cancellationToken);

    public Task<IReadOnlyList<TermChoice>> TopicsAsync(CancellationToken cancellationToken = default) => terms.TopicsAsync(cancellationToken);

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
    /// <remarks>
    /// Kept in memory under the board's public-page version (<see cref="PublicPageCache"/>), which any save of the
    /// board's content moves on (a version published, a module withdrawn or renamed, content a recipe put in place),
    /// so a signed-in page shows such a change as soon as a signed-out one does: at once on this node, on another when
    /// its copy expires (<see cref="LearningHubOptions.PublicPageCacheTime"/>). Otherwise one query for the module and
    /// its published version's source hash; the version's content comes from <see cref="PublishedVersions"/>. A slug
    /// that is not published is not remembered, so made-up addresses cannot fill the memory.
    /// </remarks>
    public async Task<PublishedModule?> PublishedAsync(string slug, CancellationToken cancellationToken = default)
    {
        var board = boards.Required.Id;
        var key = ("cases.published-module", board, publicPages.VersionOf(board), slug);
        if (cache.TryGetValue(key, out PublishedModule? remembered) && remembered is not null)
        {
            return remembered;
        }

        var found = await PublishedUncachedAsync(slug, cancellationToken);
        if (found is not null)
        {
            cache.Set(key, found, options.Value.PublicPageCacheTime);
        }

        return found;
    }

    private async Task<PublishedModule?> PublishedUncachedAsync(string slug, CancellationToken cancellationToken)
    {
        // The other published parts of the same review come with the module row, in the same query: a review too
        // long for one sitting is published as modules whose slugs are the first part's with "-part-{n}"
        // (child-v, child-v-part-2).
        var first = ModulePart.FirstSlugOf(slug);
        var prefix = first + "-part-";
        var rows = await db.Set<CaseModule>().AsNoTracking()
            .Where(m => m.Status == CaseModuleStatus.Published && (m.Slug == slug || m.Slug == first || m.Slug.StartsWith(prefix)))
            .Select(m => new
            {
                Module = m,
                SourceHash = m.Slug == slug
                    ? db.Set<CaseModuleVersion>().Where(v => v.Id == m.PublishedVersionId).Select(v => v.SourceHash).FirstOrDefault()
                    : null,
            })
            .ToListAsync(cancellationToken);
        var row = rows.SingleOrDefault(r => r.Module.Slug == slug);
        if (row?.Module.PublishedVersionId is not { } versionId)
        {
            return null;
        }

        var content = await published.GetAsync(db, versionId, row.SourceHash, cancellationToken);
        if (content is null)
        {
            return null;
        }

        var parts = rows
            .Where(r => ModulePart.FirstSlugOf(r.Module.Slug) == first)
            .Select(r => new ModulePart(r.Module.Id, r.Module.Slug, r.Module.Title, ModulePart.NumberOf(r.Module.Slug)))
            .OrderBy(p => p.Number)
            .ToList();
        return await WithNamesAsync(row.Module, content, cancellationToken) with { Parts = parts.Count > 1 ? parts : [] };
    }

    public async Task<PublishedModule> WithNamesAsync(CaseModule module, PublishedContent content, CancellationToken cancellationToken = default) =>
        new(module, content, await terms.ThemeNamesAsync(cancellationToken), await terms.TopicNamesAsync(cancellationToken));
}

/// <summary>One published part of a review in parts (<see cref="PublishedModule.Parts"/>).</summary>
public sealed partial record ModulePart(Guid ModuleId, string Slug, string Title, int Number)
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^(.+)-part-([2-9]|[1-9][0-9]+)$")]
    private static partial System.Text.RegularExpressions.Regex PartSlug();

    /// <summary><c>child-v</c> for <c>child-v-part-2</c> and for <c>child-v</c> itself.</summary>
    public static string FirstSlugOf(string slug) => PartSlug().Match(slug) is { Success: true } m ? m.Groups[1].Value : slug;

    /// <summary>2 for <c>child-v-part-2</c>; 1 for the first part, whose slug has no number.</summary>
    public static int NumberOf(string slug) =>
        PartSlug().Match(slug) is { Success: true } m ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;

    [System.Text.RegularExpressions.GeneratedRegex(@"^.+?,?\s+part\s+\d+\s+of\s+\d+\s*[:\u2013-]\s*(.+)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PartOfTitle();

    /// <summary>
    /// What this part covers, for the list of parts that already says "Part n": "Episodes 1 and 2" for
    /// "Child V, part 1 of 2: episodes 1 and 2". A title that does not name its part is used whole.
    /// </summary>
    public string OwnTitle => PartOfTitle().Match(Title) is { Success: true } m
        ? char.ToUpperInvariant(m.Groups[1].Value[0]) + m.Groups[1].Value[1..]
        : Title;
}
