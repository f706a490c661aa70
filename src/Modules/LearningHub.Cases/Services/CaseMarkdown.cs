using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Html;

namespace LearningHub.Cases.Services;

/// <summary>
/// Turns authors' Markdown into safe HTML: raw HTML is not parsed (it comes out as text), and a link or
/// image whose address is not http(s), mailto, a relative path or an anchor is rendered without it, so
/// <c>javascript:</c> and <c>data:</c> addresses do nothing. Headings start at level 2 (the page has the h1)
/// and get GOV.UK classes. An image written <c>![](media:{id})</c> is a picture from the board's media
/// library, rendered responsively with its stored alt text (see <see cref="MediaReferences"/>); one that
/// is not in the library renders nothing. Markdig refuses input nested deeper than it can render (1,000
/// <c>&gt;</c>, <c>[</c> or list levels); such text is a field error (<see cref="RenderableMarkdownAttribute"/>,
/// <see cref="NestingError"/>) and, if stored before, is shown as plain text.
/// </summary>
public sealed class CaseMarkdown
{
    /// <summary>The address scheme of a library image in Markdown: <c>![](media:{id})</c>.</summary>
    public const string MediaScheme = "media:";

    /// <summary>Section images fill the two-thirds reading column, or the phone's width.</summary>
    public const string SectionImageSizes = MediaPicture.DefaultSizes;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .Build();

    /// <summary>The error for Markdown nested deeper than the renderer allows.</summary>
    public const string TooDeeplyNested = "The text has too many levels of quotes, lists or brackets inside one another: use fewer levels";

    /// <summary><see cref="TooDeeplyNested"/> when the Markdown cannot be rendered, otherwise null.</summary>
    public static string? NestingError(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) || RenderHtml(markdown, null) is not null ? null : TooDeeplyNested;

    public IHtmlContent Render(string? markdown, IReadOnlyDictionary<Guid, MediaImage>? images = null) =>
        new HtmlString(ToHtml(markdown, images));

    /// <summary>
    /// Every library image the Markdown refers to, in order: the address as written (after
    /// <c>media:</c>) and the id, or null when that is not an id at all.
    /// </summary>
    public static IReadOnlyList<(string Reference, Guid? Id)> MediaReferences(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return [];
        }

        return (Parse(markdown)?.Descendants<LinkInline>() ?? [])
            .Where(link => link.IsImage && IsMediaUrl(link.Url))
            .Select(link =>
            {
                var reference = link.Url![MediaScheme.Length..].Trim();
                return (reference, Guid.TryParse(reference, out var id) ? id : (Guid?)null);
            })
            .ToList();
    }

    /// <summary>The ids of the library images the Markdown refers to, to load them in one query.</summary>
    public static IReadOnlyList<Guid> MediaIds(params string?[] markdowns) =>
        markdowns.SelectMany(MediaReferences).Where(r => r.Id is not null).Select(r => r.Id!.Value).Distinct().ToList();

    public static string ToHtml(string? markdown, IReadOnlyDictionary<Guid, MediaImage>? images = null)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        // Null only for text saved before nesting was checked: shown as it was typed rather than not at all.
        return RenderHtml(markdown, images) ?? $"<p class=\"govuk-body\">{HtmlEncoder.Default.Encode(markdown)}</p>";
    }

    /// <summary>
    /// The HTML, or null when Markdig refuses the nesting: it throws ArgumentException when parsing deep quotes
    /// and lists, and only when rendering deep brackets and emphasis, so both steps are inside the check.
    /// </summary>
    private static string? RenderHtml(string markdown, IReadOnlyDictionary<Guid, MediaImage>? images)
    {
        var document = Parse(markdown);
        if (document is null)
        {
            return null;
        }

        // Library images first, collected before any is replaced: the walk must not see a changing tree.
        foreach (var link in document.Descendants<LinkInline>().Where(l => l.IsImage && IsMediaUrl(l.Url)).ToList())
        {
            var reference = link.Url![MediaScheme.Length..].Trim();
            var html = Guid.TryParse(reference, out var id) && images is not null && images.TryGetValue(id, out var image)
                ? MediaPicture.Html(image, SectionImageSizes)
                : "";
            // Our own markup, every value attribute-encoded; an unknown image leaves nothing behind.
            link.ReplaceBy(new HtmlInline(html));
        }

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link:
                    if (!IsSafeUrl(link.Url))
                    {
                        link.Url = "";
                    }

                    if (!link.IsImage)
                    {
                        link.GetAttributes().AddClass("govuk-link");
                    }

                    break;
                case AutolinkInline autolink when !IsSafeUrl(autolink.Url):
                    autolink.Url = "";
                    break;
                case HeadingBlock heading:
                    heading.Level = Math.Clamp(heading.Level + 1, 2, 6);
                    heading.GetAttributes().AddClass(heading.Level == 2 ? "govuk-heading-m" : "govuk-heading-s");
                    break;
                case ParagraphBlock paragraph when paragraph.Parent is MarkdownDocument:
                    paragraph.GetAttributes().AddClass("govuk-body");
                    break;
                case ListBlock list when list.Parent is MarkdownDocument:
                    list.GetAttributes().AddClass(list.IsOrdered ? "govuk-list govuk-list--number" : "govuk-list govuk-list--bullet");
                    break;
                case Markdig.Extensions.Tables.Table table:
                    table.GetAttributes().AddClass("govuk-table");
                    break;
            }
        }

        try
        {
            return document.ToHtml(Pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The parsed document, or null when Markdig refuses it as nested too deeply.</summary>
    private static MarkdownDocument? Parse(string markdown)
    {
        try
        {
            return Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsMediaUrl(string? url) => url is not null && url.StartsWith(MediaScheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>http, https and mailto addresses, site paths and anchors; anything else (javascript:, data:, vbscript:) is dropped.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so test without them.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        if (compact.StartsWith('/') && !compact.StartsWith("//", StringComparison.Ordinal) || compact.StartsWith('#'))
        {
            return true;
        }

        var colon = compact.IndexOf(':');
        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            // No scheme: a relative path.
            return !compact.StartsWith("//", StringComparison.Ordinal);
        }

        var scheme = compact[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }
}

/// <summary>A Markdown field: refused with <see cref="CaseMarkdown.TooDeeplyNested"/> when it cannot be rendered.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RenderableMarkdownAttribute : ValidationAttribute
{
    public RenderableMarkdownAttribute()
        : base(CaseMarkdown.TooDeeplyNested)
    {
    }

    public override bool IsValid(object? value) => CaseMarkdown.NestingError(value as string) is null;
}
