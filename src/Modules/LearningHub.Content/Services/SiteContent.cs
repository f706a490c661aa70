using LearningHub.Content.Domain;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Core.Markdown;
using LearningHub.Core.Navigation;
using LearningHub.Media.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace LearningHub.Content.Services;

/// <summary>What readers see of a board's own site: its menu pages and every home page block, with the images they show.</summary>
public sealed record SiteSnapshot(
    IReadOnlyList<NavigationItem> Menu,
    string? Introduction,
    IReadOnlyList<FeaturedBlock> Featured,
    IReadOnlyList<QuickLink> QuickLinks,
    IReadOnlyList<NewsItem> News,
    IReadOnlyDictionary<Guid, MediaImage> Images);

/// <summary>
/// The board's menu pages and home page, read once and kept per board: the menu is on every page and the home page
/// is the busiest, and neither should cost a query once warm (as the session and board lookups do not). Every change
/// through this module forgets it at once (<see cref="Forget()"/>), and so does a recipe applied here
/// (<see cref="IBoardCachedData"/>). What it cannot hear about shows within <see cref="Lifetime"/>: a module or event
/// published or an image replaced, and any change made on another node or by the <c>recipes apply</c> command.
/// </summary>
public sealed class SiteContent(LearningHubDbContext db, BoardContext boards, IMemoryCache cache, IEnumerable<IFeaturedLearning> learning, MediaLibrary media)
    : IBoardCachedData
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static string Key(Guid boardId) => $"content:{boardId}";

    public void Forget(Guid boardId) => cache.Remove(Key(boardId));

    /// <summary>Forgets the current board's snapshot, after a change saved.</summary>
    public void Forget()
    {
        if (boards.BoardId is { } id)
        {
            Forget(id);
        }
    }

    public async Task<SiteSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var boardId = boards.BoardId ?? throw new InvalidOperationException("A board's site content is read for a board's request.");
        if (cache.TryGetValue(Key(boardId), out SiteSnapshot? snapshot) && snapshot is not null)
        {
            return snapshot;
        }

        snapshot = await ReadAsync(cancellationToken);
        cache.Set(Key(boardId), snapshot, Lifetime);
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
        var today = HomePageContent.TodayIn(DateTime.UtcNow);
        var news = await db.Set<NewsItem>().AsNoTracking().Where(NewsItem.CurrentOn(today))
            .OrderByDescending(n => n.Date).ThenByDescending(n => n.CreatedUtc).ToListAsync(cancellationToken);
        var imageIds = news.Where(n => n.ImageId is not null).Select(n => n.ImageId!.Value)
            .Concat(SafeMarkdown.MediaIds([blocks.Introduction, .. news.Select(n => n.Text)]));
        var images = await media.FindImagesAsync(imageIds, cancellationToken);
        return new SiteSnapshot(menu, blocks.Introduction, featured, links, news, images);
    }
}
