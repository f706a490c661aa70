using LearningHub.Content.Domain;
using LearningHub.Core;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Core.Markdown;
using LearningHub.Core.Navigation;
using LearningHub.Core.Pages;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LearningHub.Content.Services;

/// <summary>What readers see of a board's own site: its menu pages and every home page block, with the images they show.</summary>
public sealed record SiteSnapshot(
    IReadOnlyList<NavigationItem> Menu,
    string? Introduction,
    IReadOnlyList<FeaturedBlock> Featured,
    IReadOnlyList<QuickLink> QuickLinks,
    IReadOnlyList<NewsItem> News,
    IReadOnlyDictionary<Guid, MediaImage> Images)
{
    /// <summary>
    /// The introduction and each news item's text as HTML, rendered once per snapshot rather than on every request
    /// (Markdig's parse is most of a warm home page's work); the images they show are the snapshot's.
    /// </summary>
    public IHtmlContent? IntroductionHtml { get; } = string.IsNullOrWhiteSpace(Introduction) ? null : ContentMarkdown.Render(Introduction, Images);

    public IReadOnlyDictionary<Guid, IHtmlContent> NewsHtml { get; } = News.ToDictionary(n => n.Id, n => ContentMarkdown.Render(n.Text, Images));
}

/// <summary>
/// The board's menu pages and home page, read once and kept per board: the menu is on every page and the home page
/// is the busiest, and neither should cost a query once warm (as the session and board lookups do not). The copy is
/// kept under the board's public-page version (<see cref="PublicPageCache"/>), which every committed save of the
/// board's non-personal rows moves on: a page, news item or home block edited here, a module or event published, a
/// recipe applied. So this node shows a change at once; another node within
/// <see cref="LearningHubOptions.PublicPageCacheTime"/>, as for the cached public pages.
/// </summary>
public sealed class SiteContent(LearningHubDbContext db, BoardContext boards, IMemoryCache cache, PublicPageCache publicPages,
    IOptions<LearningHubOptions> options, TimeProvider clock, IEnumerable<IFeaturedLearning> learning, MediaLibrary media)
{
    public async Task<SiteSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var boardId = boards.BoardId ?? throw new InvalidOperationException("A board's site content is read for a board's request.");
        // The version is read before the rows, so a save committed meanwhile leaves this copy under the old version.
        var key = $"content:{boardId}:{publicPages.VersionOf(boardId)}";
        if (cache.TryGetValue(key, out SiteSnapshot? snapshot) && snapshot is not null)
        {
            return snapshot;
        }

        snapshot = await ReadAsync(cancellationToken);
        cache.Set(key, snapshot, options.Value.PublicPageCacheTime);
        return snapshot;
    }

    private async Task<SiteSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var pages = await db.Set<BoardPage>().AsNoTracking()
            .Where(p => p.MenuPosition != null && p.PublishedVersionId != null)
            .Join(db.Set<BoardPageVersion>(), p => p.PublishedVersionId, v => v.Id, (p, v) => new { Address = p.Slug, p.MenuPosition, v.Title })
            .ToListAsync(cancellationToken);
        var menu = pages.OrderBy(p => p.MenuPosition).ThenBy(p => p.Title)
            // A path within the board, as every navigation item's is (the layout puts the board in front).
            .Select((p, i) => new NavigationItem(p.Title, $"pages/{p.Address}", PagesInMenu.FirstOrder + i))
            .ToList();

        var blocks = await db.Set<HomePageBlocks>().AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new HomePageBlocks();
        var featured = new List<FeaturedBlock>();
        foreach (var (kind, choice, chosen) in new[] { ("modules", blocks.Modules, blocks.ChosenModules), ("events", blocks.Events, blocks.ChosenEvents) })
        {
            if (choice != FeatureChoice.None && learning.FirstOrDefault(l => l.Kind == kind) is { } source
                && HomePageContent.Featured(kind, choice, chosen, await source.AvailableAsync(cancellationToken)) is { } block)
            {
                featured.Add(block);
            }
        }

        var links = await db.Set<QuickLink>().AsNoTracking().OrderBy(l => l.Position).ToListAsync(cancellationToken);
        // Every item not expired by today; readers on a later day filter again (NewsItem.CurrentOn).
        var today = HomePageContent.TodayIn(clock.GetUtcNow().UtcDateTime);
        var news = await db.Set<NewsItem>().AsNoTracking().Where(NewsItem.CurrentOn(today))
            .OrderByDescending(n => n.Date).ThenByDescending(n => n.CreatedUtc).ToListAsync(cancellationToken);
        var imageIds = news.Where(n => n.ImageId is not null).Select(n => n.ImageId!.Value)
            .Concat(SafeMarkdown.MediaIds([blocks.Introduction, .. news.Select(n => n.Text)]));
        var images = await media.FindImagesAsync(imageIds, cancellationToken);
        return new SiteSnapshot(menu, blocks.Introduction, featured, links, news, images);
    }
}
