using LearningHub.Content.Domain;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Content.Services;

/// <summary>A block of featured learning as the home page shows it.</summary>
public sealed record FeaturedBlock(string Kind, IReadOnlyList<FeaturedItem> Items);

/// <summary>
/// The home page's blocks: the introduction, featured modules and events (chosen, or the latest), current news and
/// quick links; and their editing, audited, marking the home page as edited by the board (a recipe applied again
/// then leaves it alone).
/// </summary>
public sealed class HomePageContent(LearningHubDbContext db, IEnumerable<IFeaturedLearning> learning, AuditLog audit, TimeProvider clock)
{
    /// <summary>How many items "latest" shows, and the most a board may choose.</summary>
    public const int FeaturedCount = 3;

    /// <summary>How many news items the home page shows (the news page shows every current one).</summary>
    public const int HomeNewsCount = 3;

    public DateOnly Today => TodayIn(clock.GetUtcNow().UtcDateTime);

    /// <summary>The board's blocks row (tracked), made on first use.</summary>
    public async Task<HomePageBlocks> BlocksAsync(CancellationToken cancellationToken)
    {
        var blocks = await db.Set<HomePageBlocks>().SingleOrDefaultAsync(cancellationToken);
        if (blocks is null)
        {
            blocks = new HomePageBlocks { UpdatedUtc = clock.GetUtcNow().UtcDateTime };
            db.Add(blocks);
        }

        return blocks;
    }

    public Task<List<QuickLink>> QuickLinksAsync(CancellationToken cancellationToken) =>
        db.Set<QuickLink>().OrderBy(l => l.Position).ToListAsync(cancellationToken);

    /// <summary>Every item of that kind that may be featured now, newest (or soonest) first.</summary>
    public async Task<IReadOnlyList<FeaturedItem>> AvailableAsync(string kind, CancellationToken cancellationToken) =>
        learning.FirstOrDefault(l => l.Kind == kind) is { } source ? await source.AvailableAsync(cancellationToken) : [];

    /// <summary>What a featured block shows: the chosen items still available, in the chosen order, or the latest few; null for none.</summary>
    public static FeaturedBlock? Featured(string kind, FeatureChoice choice, string chosen, IReadOnlyList<FeaturedItem> available)
    {
        if (choice == FeatureChoice.None)
        {
            return null;
        }

        var items = choice == FeatureChoice.Latest
            ? available.Take(FeaturedCount).ToList()
            : HomePageBlocks.Lines(chosen).Select(key => available.FirstOrDefault(a => a.Key == key)).OfType<FeaturedItem>().ToList();
        return items.Count == 0 ? null : new FeaturedBlock(kind, items);
    }

    /// <summary>The UK date at that moment.</summary>
    public static DateOnly TodayIn(DateTime utc) => DateOnly.FromDateTime(LondonTime.ToLondon(utc));

    /// <summary>The snapshot's news not expired today, newest first (a page showing its rendered text takes both from one snapshot).</summary>
    public IReadOnlyList<NewsItem> CurrentNews(SiteSnapshot snapshot, int? count)
    {
        var today = Today;
        var news = snapshot.News.Where(n => n.IsCurrentOn(today));
        return (count is { } c ? news.Take(c) : news).ToList();
    }

    public async Task SaveBlocksAsync(HomePageBlocks blocks, string change, object details, CancellationToken cancellationToken)
    {
        blocks.EditedSinceRecipeUtc = clock.GetUtcNow().UtcDateTime;
        blocks.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record($"content.home.{change}", new AuditTarget("HomePage", "home", "The home page"), details);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddQuickLinkAsync(string text, string url, CancellationToken cancellationToken)
    {
        var blocks = await BlocksAsync(cancellationToken);
        var last = await db.Set<QuickLink>().MaxAsync(l => (int?)l.Position, cancellationToken) ?? 0;
        db.Add(new QuickLink { Text = text, Url = url, Position = last + 1 });
        await SaveBlocksAsync(blocks, "quick-link-added", new { Text = text, Url = url }, cancellationToken);
    }

    /// <summary>Removes a quick link; false when the board has no such link.</summary>
    public async Task<bool> RemoveQuickLinkAsync(Guid id, CancellationToken cancellationToken)
    {
        var link = await db.Set<QuickLink>().SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (link is null)
        {
            return false;
        }

        var blocks = await BlocksAsync(cancellationToken);
        db.Remove(link);
        await SaveBlocksAsync(blocks, "quick-link-removed", new { link.Text, link.Url }, cancellationToken);
        return true;
    }
}
