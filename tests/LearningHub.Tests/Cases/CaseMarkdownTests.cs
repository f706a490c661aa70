using LearningHub.Cases.Services;

namespace LearningHub.Tests.Cases;

/// <summary>Authors' Markdown renders inert: raw HTML comes out as text and script addresses are dropped.</summary>
public sealed class CaseMarkdownTests
{
    [Fact]
    public void A_script_tag_is_shown_as_text_not_run()
    {
        var html = CaseMarkdown.ToHtml("Hello <script>alert('x')</script> world\n\n<script>\nalert(1)\n</script>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void Raw_html_with_event_handlers_is_shown_as_text()
    {
        var html = CaseMarkdown.ToHtml("<img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">x</a>");

        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<a href=\"javascript", html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](java&#x09;script:alert(1))")]
    [InlineData("[click]( javascript:alert(1) )")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![img](javascript:alert(1))")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    public void A_script_address_is_dropped_from_links(string markdown)
    {
        var html = CaseMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Safe_links_headings_and_lists_keep_their_meaning_with_govuk_classes()
    {
        var html = CaseMarkdown.ToHtml("# Heading\n\nSee [the guidance](https://www.gov.uk/guidance) or [us](/norfolk/modules).\n\n* one\n* two");

        Assert.Contains("<h2 class=\"govuk-heading-m\">Heading</h2>", html);
        Assert.Contains("<a href=\"https://www.gov.uk/guidance\" class=\"govuk-link\">the guidance</a>", html);
        Assert.Contains("href=\"/norfolk/modules\"", html);
        Assert.Contains("<ul class=\"govuk-list govuk-list--bullet\">", html);
    }
}
