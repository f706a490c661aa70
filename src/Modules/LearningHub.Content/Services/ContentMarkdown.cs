using LearningHub.Core.Markdown;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Html;

namespace LearningHub.Content.Services;

/// <summary>Board pages' and news Markdown: Core's <see cref="SafeMarkdown"/>, library images drawn at the reading column's width.</summary>
public static class ContentMarkdown
{
    public static IHtmlContent Render(string? markdown, IReadOnlyDictionary<Guid, MediaImage>? images = null) =>
        new HtmlString(SafeMarkdown.ToHtml(markdown, id => images is not null && images.TryGetValue(id, out var image)
            ? MediaPicture.Html(image, MediaPicture.DefaultSizes)
            : null));
}
