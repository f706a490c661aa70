using LearningHub.Content.Domain;

namespace LearningHub.Tests.Content;

/// <summary>A quick link is a plain href on the home page: only http(s) and this site's own paths get in.</summary>
public sealed class QuickLinkTests
{
    [Theory]
    [InlineData("https://www.gov.uk/", true)]
    [InlineData("http://example.org/page", true)]
    [InlineData("/norfolk/events", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JavaScript:alert(1)", false)]
    [InlineData("data:text/html,hi", false)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example/", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("mailto:someone@example.org", false)]
    [InlineData("events", false)]
    [InlineData("", false)]
    public void Only_http_and_site_addresses_are_allowed(string url, bool allowed) =>
        Assert.Equal(allowed, QuickLink.IsAllowedUrl(url));
}
