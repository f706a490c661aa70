using LearningHub.Content.Domain;
using LearningHub.Content.Services;
using LearningHub.Core.Markdown;
using LearningHub.Core.Pages;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Content.Pages.BoardPages;

/// <summary>A board's published page at <c>/{board}/pages/{slug}</c>; a draft, or another board's page, is not found.</summary>
public sealed class ShowModel(LearningHub.Content.Services.BoardPages pages, MediaLibrary media) : BoardPageModel
{
    public BoardPageVersion Version { get; private set; } = default!;

    public IReadOnlyDictionary<Guid, MediaImage> Images { get; private set; } = new Dictionary<Guid, MediaImage>();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await pages.PublishedAsync(slug, cancellationToken) is not { } version)
        {
            return NotFound();
        }

        Version = version;
        Images = await media.FindImagesAsync(SafeMarkdown.MediaIds(version.Body), cancellationToken);
        return Page();
    }
}
