using LearningHub.Content.Domain;
using LearningHub.Content.Services;
using LearningHub.Core.Pages;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Html;

namespace LearningHub.Content.Pages.News;

/// <summary>The board's current news, newest first; expired items are not shown.</summary>
public sealed class IndexModel(HomePageContent content, SiteContent site) : BoardPageModel
{
    public IReadOnlyList<NewsItem> News { get; private set; } = [];

    public IReadOnlyDictionary<Guid, MediaImage> Images { get; private set; } = new Dictionary<Guid, MediaImage>();

    /// <summary>Each item's text, rendered once per site snapshot.</summary>
    public IReadOnlyDictionary<Guid, IHtmlContent> NewsHtml { get; private set; } = new Dictionary<Guid, IHtmlContent>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var snapshot = await site.GetAsync(cancellationToken);
        News = content.CurrentNews(snapshot, null);
        Images = snapshot.Images;
        NewsHtml = snapshot.NewsHtml;
    }
}
