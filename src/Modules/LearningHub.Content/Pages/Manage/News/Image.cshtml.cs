using LearningHub.Content.Domain;
using LearningHub.Content.Services;
using LearningHub.Media.Pages;
using Microsoft.AspNetCore.Authorization;

namespace LearningHub.Content.Pages.Manage.News;

/// <summary>Choose the news item's image from the board's media library (or none).</summary>
[Authorize(Policy = ContentPermissions.ManagePages)]
public sealed class ImageModel(BoardNews news) : CoverImagePageModel
{
    public NewsItem Item { get; private set; } = null!;

    protected override async Task<(bool Found, Guid? Current)> LoadOwnerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await news.FindAsync(id, cancellationToken) is not { } item)
        {
            return (false, null);
        }

        Item = item;
        return (true, item.ImageId);
    }

    protected override Task SaveCoverAsync(Guid? imageId, CancellationToken cancellationToken) => news.SetImageAsync(Item, imageId, cancellationToken);

    protected override string ReturnPage => "/Manage/News/Edit";
}
