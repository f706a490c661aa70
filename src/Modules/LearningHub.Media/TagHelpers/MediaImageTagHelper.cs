using LearningHub.Media.Services;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningHub.Media.TagHelpers;

/// <summary>
/// Shows a library image responsively:
/// <c>&lt;media-image image="Model.Cover" sizes="(min-width: 641px) 66vw, 100vw" /&gt;</c> or
/// <c>&lt;media-image asset-id="Model.CoverImageId" /&gt;</c>. Renders a <c>&lt;picture&gt;</c> with a WebP
/// <c>srcset</c>, and an <c>&lt;img&gt;</c> with a JPEG <c>srcset</c>, <c>sizes</c>, <c>width</c>/<c>height</c>
/// (so the page does not jump while it loads) and the alt text (empty for a decorative image).
/// Renders nothing if there is no such image. Add <c>@addTagHelper *, LearningHub.Media</c> to use it.
/// </summary>
[HtmlTargetElement("media-image", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MediaImageTagHelper(MediaLibrary library) : TagHelper
{
    /// <summary>GOV.UK's two-thirds column on wide screens, the full width on phones.</summary>
    public const string DefaultSizes = MediaPicture.DefaultSizes;

    [HtmlAttributeName("image")]
    public MediaImage? Image { get; set; }

    [HtmlAttributeName("asset-id")]
    public Guid? AssetId { get; set; }

    [HtmlAttributeName("sizes")]
    public string Sizes { get; set; } = DefaultSizes;

    /// <summary>Extra classes for the img.</summary>
    [HtmlAttributeName("class")]
    public string? CssClass { get; set; }

    /// <summary>"lazy" (default) or "eager" for an image at the top of the page.</summary>
    [HtmlAttributeName("loading")]
    public string Loading { get; set; } = "lazy";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var image = Image ?? (AssetId is { } id ? await library.FindImageAsync(id) : null);
        if (image is null || image.Renditions.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "picture";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();

        output.Content.AppendHtml(MediaPicture.Source(image, Sizes));
        output.Content.AppendHtml(MediaPicture.Img(image, Sizes, Loading, CssClass));
    }
}
