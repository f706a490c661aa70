using LearningHub.Content.Domain;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Content.Services;

/// <summary>What an editor types for a news item.</summary>
public sealed record NewsWords(string Title, DateOnly Date, string Text, DateOnly? ExpiresOn);

/// <summary>The board's news items: add, change, choose an image, remove; each change audited and marked as the board's edit.</summary>
public sealed class BoardNews(LearningHubDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task<List<NewsItem>> AllAsync(CancellationToken cancellationToken) =>
        db.Set<NewsItem>().AsNoTracking().OrderByDescending(n => n.Date).ThenByDescending(n => n.CreatedUtc).ToListAsync(cancellationToken);

    public Task<NewsItem?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<NewsItem>().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);

    public async Task<NewsItem> AddAsync(NewsWords words, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new NewsItem { CreatedUtc = now, EditedSinceRecipeUtc = now };
        Apply(item, words, now);
        db.Add(item);
        audit.Record("content.news.added", Target(item), words);
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }

    public async Task SaveAsync(NewsItem item, NewsWords words, CancellationToken cancellationToken)
    {
        var before = new NewsWords(item.Title, item.Date, item.Text, item.ExpiresOn);
        Apply(item, words, clock.GetUtcNow().UtcDateTime);
        item.EditedSinceRecipeUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record("content.news.changed", Target(item), new { From = before, To = words });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetImageAsync(NewsItem item, Guid? imageId, CancellationToken cancellationToken)
    {
        var from = item.ImageId;
        item.ImageId = imageId;
        item.EditedSinceRecipeUtc = clock.GetUtcNow().UtcDateTime;
        item.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record("content.news.image-changed", Target(item), new { From = from, To = imageId });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveAsync(NewsItem item, CancellationToken cancellationToken)
    {
        db.Remove(item);
        audit.Record("content.news.removed", Target(item), new { item.Title, item.Date });
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static void Apply(NewsItem item, NewsWords words, DateTime now)
    {
        item.Title = words.Title;
        item.Date = words.Date;
        item.Text = words.Text;
        item.ExpiresOn = words.ExpiresOn;
        item.UpdatedUtc = now;
    }

    private static AuditTarget Target(NewsItem item) => new("NewsItem", item.Id.ToString(), item.Title);
}
