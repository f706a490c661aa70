using LearningHub.Content.Domain;
using LearningHub.Content.Services;
using LearningHub.Core.Pages;
using LearningHub.Media.Services;

namespace LearningHub.Content.Pages.News;

/// <summary>The board's current news, newest first; expired items are not shown.</summary>
public sealed class IndexModel(HomePageContent content, SiteContent site) : BoardPageModel
{
    public IReadOnlyList<NewsItem> News { get; private set; } = [];

    public IReadOnlyDictionary<Guid, MediaImage> Images { get; private set; } = new Dictionary<Guid, MediaImage>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        News = await content.CurrentNewsAsync(null, cancellationToken);
        Images = (await site.GetAsync(cancellationToken)).Images;
    }
}
