using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LearningHub.Core.Markdown;

/// <summary>
/// The one home of the rules for Markdown that boards' people write (case modules, board pages, news, the home
/// page's introduction): raw HTML is not parsed (it comes out as text), and a link or image whose address is not
/// http(s), mailto, a relative path or an anchor is rendered without it, so <c>javascript:</c> and <c>data:</c>
/// addresses do nothing. Headings start at level 2 (the page has the h1) and get GOV.UK classes. An image written
/// <c>![](media:{id})</c> is a picture from the board's media library: Core does not know the library, so the
/// caller passes <c>imageHtml</c>, which returns the markup for an image it knows (or null, and nothing is
/// rendered). Markdig refuses input nested deeper than it can render (1,000 <c>&gt;</c>, <c>[</c> or list
/// levels); such text is a field error (<see cref="RenderableMarkdownAttribute"/>, <see cref="NestingError"/>)
/// and, if stored before, is shown as plain text.
/// </summary>
public static class SafeMarkdown
{
    /// <summary>The address scheme of a library image in Markdown: <c>![](media:{id})</c>.</summary>
    public const string MediaScheme = "media:";

    /// <summary>The error for Markdown nested deeper than the renderer allows.</summary>
    public const string TooDeeplyNested = "The text has too many levels of quotes, lists or brackets inside one another: use fewer levels";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .Build();

    /// <summary><see cref="TooDeeplyNested"/> when the Markdown cannot be rendered, otherwise null.</summary>
    public static string? NestingError(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) || RenderHtml(markdown, null) is not null ? null : TooDeeplyNested;

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

    /// <param name="imageHtml">Markup for a library image the caller knows, or null for one it does not.</param>
    public static string ToHtml(string? markdown, Func<Guid, string?>? imageHtml = null)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        // Null only for text saved before nesting was checked: shown as it was typed rather than not at all.
        return RenderHtml(markdown, imageHtml) ?? $"<p class=\"govuk-body\">{HtmlEncoder.Default.Encode(markdown)}</p>";
    }

    /// <summary>
    /// The HTML, or null when Markdig refuses the nesting: it throws ArgumentException when parsing deep quotes
    /// and lists, and only when rendering deep brackets and emphasis, so both steps are inside the check.
    /// </summary>
    private static string? RenderHtml(string markdown, Func<Guid, string?>? imageHtml)
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
            var html = Guid.TryParse(reference, out var id) && imageHtml is not null ? imageHtml(id) ?? "" : "";
            // The caller's own markup; an unknown image leaves nothing behind.
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
            return Markdig.Markdown.Parse(markdown, Pipeline);
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

/// <summary>A Markdown field: refused with <see cref="SafeMarkdown.TooDeeplyNested"/> when it cannot be rendered.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RenderableMarkdownAttribute : ValidationAttribute
{
    public RenderableMarkdownAttribute()
        : base(SafeMarkdown.TooDeeplyNested)
    {
    }

    public override bool IsValid(object? value) => SafeMarkdown.NestingError(value as string) is null;
}
