using LearningHub.Core.Markdown;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Html;

namespace LearningHub.Cases.Services;

/// <summary>
/// Case modules' Markdown: Core's <see cref="SafeMarkdown"/> (raw HTML off, unsafe addresses dropped, GOV.UK
/// classes, nesting checked), with a library image <c>![](media:{id})</c> rendered responsively at the section's
/// width with its stored alt text; one that is not in the library renders nothing.
/// </summary>
public sealed class CaseMarkdown
{
    /// <summary>The address scheme of a library image in Markdown: <c>![](media:{id})</c>.</summary>
    public const string MediaScheme = SafeMarkdown.MediaScheme;

    /// <summary>Section images fill the two-thirds reading column, or the phone's width.</summary>
    public const string SectionImageSizes = MediaPicture.DefaultSizes;

    /// <summary>The error for Markdown nested deeper than the renderer allows.</summary>
    public const string TooDeeplyNested = SafeMarkdown.TooDeeplyNested;

    /// <summary><see cref="TooDeeplyNested"/> when the Markdown cannot be rendered, otherwise null.</summary>
    public static string? NestingError(string? markdown) => SafeMarkdown.NestingError(markdown);

    public IHtmlContent Render(string? markdown, IReadOnlyDictionary<Guid, MediaImage>? images = null) =>
        new HtmlString(ToHtml(markdown, images));

    /// <inheritdoc cref="SafeMarkdown.MediaReferences"/>
    public static IReadOnlyList<(string Reference, Guid? Id)> MediaReferences(string? markdown) => SafeMarkdown.MediaReferences(markdown);

    /// <inheritdoc cref="SafeMarkdown.MediaIds"/>
    public static IReadOnlyList<Guid> MediaIds(params string?[] markdowns) => SafeMarkdown.MediaIds(markdowns);

    public static string ToHtml(string? markdown, IReadOnlyDictionary<Guid, MediaImage>? images = null) =>
        SafeMarkdown.ToHtml(markdown, id => images is not null && images.TryGetValue(id, out var image)
            ? MediaPicture.Html(image, SectionImageSizes)
            : null);

    /// <inheritdoc cref="SafeMarkdown.IsSafeUrl"/>
    public static bool IsSafeUrl(string? url) => SafeMarkdown.IsSafeUrl(url);
}
