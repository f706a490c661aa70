using LearningHub.E2E.Infrastructure;
using Xunit.Sdk;

namespace LearningHub.E2E;

/// <summary>
/// The axe check itself: it runs under the site's Content-Security-Policy (which forbids inline script)
/// and reports a real violation readably, so a clean result on the other pages means something.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class AccessibilityCheckTests(SiteFixture site)
{
    [Fact]
    public async Task AxeCheckReportsAViolationWithItsRuleAndWhereItIs()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        var response = await page.GotoAsync("/norfolk");
        Assert.Equal(200, response!.Status);
        // The page is served with a policy that forbids inline script; axe (injected by page evaluation) still runs.
        var policy = await response.HeaderValueAsync("content-security-policy");
        Assert.NotNull(policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);

        // An image with no text alternative, put there by the test.
        await page.EvaluateAsync("""
            () => {
              const img = document.createElement('img');
              img.id = 'e2e-no-alt';
              img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
              document.querySelector('main').append(img);
            }
            """);

        var failure = await Assert.ThrowsAsync<FailException>(() => Accessibility.AssertNoViolationsAsync(page));
        Assert.Contains("image-alt", failure.Message);
        Assert.Contains("#e2e-no-alt", failure.Message);
        Assert.Contains(page.Url, failure.Message);
    }
}
