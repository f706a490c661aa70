using LearningHub.Content.Domain;
using LearningHub.Core.Data;
using LearningHub.Core.Markdown;
using LearningHub.Media.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Content.Services;

/// <summary>Where the board's news and pages use library images, so an image in use is not deleted.</summary>
public sealed class ContentMediaUsage(LearningHubDbContext db) : IMediaUsageSource
{
    public async Task<IReadOnlyList<MediaUsage>> FindUsagesAsync(IReadOnlyCollection<Guid> assetIds, CancellationToken cancellationToken)
    {
        var news = await db.Set<NewsItem>().AsNoTracking().Where(n => n.ImageId != null && assetIds.Contains(n.ImageId.Value))
            .Select(n => new { n.Id, n.Title, n.ImageId }).ToListAsync(cancellationToken);
        var usages = news.Select(n => new MediaUsage(n.ImageId!.Value, $"Image of the news item '{n.Title}'", $"manage/news/{n.Id}")).ToList();

        // Pages and news text refer to images as ![](media:{id}) in Markdown: read the versions still shown or being written.
        var texts = await db.Set<BoardPage>().AsNoTracking()
            .Join(db.Set<BoardPageVersion>(), p => p.Id, v => v.PageId, (p, v) => new { Page = p, Version = v })
            .Where(x => x.Version.Id == x.Page.PublishedVersionId || x.Version.Id == x.Page.DraftVersionId)
            .Select(x => new { x.Page.Id, x.Version.Title, x.Version.Body })
            .ToListAsync(cancellationToken);
        foreach (var text in texts)
        {
            foreach (var id in SafeMarkdown.MediaIds(text.Body).Where(assetIds.Contains))
            {
                usages.Add(new MediaUsage(id, $"The page '{text.Title}'", $"manage/pages/{text.Id}"));
            }
        }

        var newsTexts = await db.Set<NewsItem>().AsNoTracking().Select(n => new { n.Id, n.Title, n.Text }).ToListAsync(cancellationToken);
        foreach (var text in newsTexts)
        {
            foreach (var id in SafeMarkdown.MediaIds(text.Text).Where(assetIds.Contains))
            {
                usages.Add(new MediaUsage(id, $"The news item '{text.Title}'", $"manage/news/{text.Id}"));
            }
        }

        return usages;
    }
}
