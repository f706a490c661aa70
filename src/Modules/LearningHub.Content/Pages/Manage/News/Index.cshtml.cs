using LearningHub.Content.Domain;
using LearningHub.Content.Services;
using LearningHub.Core.Pages;
using Microsoft.AspNetCore.Authorization;

namespace LearningHub.Content.Pages.Manage.News;

/// <summary>Every news item of the board, shown or expired, newest first.</summary>
[Authorize(Policy = ContentPermissions.ManagePages)]
public sealed class IndexModel(BoardNews news, HomePageContent content) : BoardPageModel
{
    public IReadOnlyList<NewsItem> Items { get; private set; } = [];

    public DateOnly Today => content.Today;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await news.AllAsync(cancellationToken);
}
