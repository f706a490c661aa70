using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningHub.Media.Services;

/// <summary>
/// The responsive markup of a library image: a <c>&lt;picture&gt;</c> with a WebP <c>srcset</c>, and an
/// <c>&lt;img&gt;</c> with a JPEG <c>srcset</c>, <c>sizes</c>, <c>width</c>/<c>height</c> (so the page does
/// not jump while it loads) and the stored alt text (empty for a decorative image). Every value is
/// attribute-encoded. Used by the <c>&lt;media-image&gt;</c> tag helper and by Markdown renderers that
/// turn <c>![](media:{id})</c> into an image.
/// </summary>
public static class MediaPicture
{
    /// <summary>GOV.UK's two-thirds column on wide screens, the full width on phones.</summary>
    public const string DefaultSizes = "(min-width: 641px) 640px, 100vw";

    public static TagBuilder Source(MediaImage image, string sizes)
    {
        var source = new TagBuilder("source") { TagRenderMode = TagRenderMode.SelfClosing };
        source.Attributes["type"] = "image/webp";
        source.Attributes["srcset"] = image.SrcSet("webp");
        source.Attributes["sizes"] = sizes;
        return source;
    }

    public static TagBuilder Img(MediaImage image, string sizes, string loading = "lazy", string? cssClass = null)
    {
        var fallback = image.Fallback;
        var img = new TagBuilder("img") { TagRenderMode = TagRenderMode.SelfClosing };
        img.AddCssClass("lh-media-image");
        if (!string.IsNullOrWhiteSpace(cssClass))
        {
            img.AddCssClass(cssClass);
        }

        img.Attributes["src"] = image.Url(fallback, "jpg");
        img.Attributes["srcset"] = image.SrcSet("jpg");
        img.Attributes["sizes"] = sizes;
        img.Attributes["width"] = fallback.ActualWidth.ToString(CultureInfo.InvariantCulture);
        img.Attributes["height"] = fallback.ActualHeight.ToString(CultureInfo.InvariantCulture);
        img.Attributes["alt"] = image.Alt;
        img.Attributes["loading"] = loading;
        img.Attributes["decoding"] = "async";
        return img;
    }

    /// <summary>The whole <c>&lt;picture&gt;</c> as an HTML string; empty if the image has no renditions.</summary>
    public static string Html(MediaImage image, string sizes = DefaultSizes, string loading = "lazy")
    {
        if (image.Renditions.Count == 0)
        {
            return "";
        }

        var picture = new HtmlContentBuilder();
        picture.AppendHtml("<picture>");
        picture.AppendHtml(Source(image, sizes));
        picture.AppendHtml(Img(image, sizes, loading));
        picture.AppendHtml("</picture>");
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        picture.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
