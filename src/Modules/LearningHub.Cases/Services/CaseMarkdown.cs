using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace LearningHub.Cases.Services;

/// <summary>
/// Turns authors' Markdown into safe HTML: raw HTML is not parsed (it comes out as text), and a link or
/// image whose address is not http(s), mailto, a relative path or an anchor is rendered without it, so
/// <c>javascript:</c> and <c>data:</c> addresses do nothing. Headings start at level 2 (the page has the h1)
/// and get GOV.UK classes.
/// </summary>
public sealed class CaseMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .Build();

    public IHtmlContent Render(string? markdown) => new HtmlString(ToHtml(markdown));

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, Pipeline);
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

        return document.ToHtml(Pipeline);
    }

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
