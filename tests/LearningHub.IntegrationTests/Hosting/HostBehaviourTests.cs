using System.Net;
using System.Text.Json;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace LearningHub.IntegrationTests.Hosting;

public sealed class HostBehaviourTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task Health_answers_200_with_a_short_json_body_when_the_database_is_reachable()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/norfolk");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/account/register");

        Assert.All(page.QuerySelectorAll("script"), script => Assert.True(script.HasAttribute("src"), "inline script found"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task A_post_without_its_antiforgery_token_is_refused_with_400_not_500()
    {
        var response = await factory.CreateBrowserClient().PostAsync("/norfolk/account/register",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.FullName"] = "No Token" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("problem with your request", page.QuerySelector("h1")!.TextContent);
    }
}

public sealed class UnreachableDatabaseTests : IAsyncLifetime
{
    private readonly LearningHubFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Ready_answers_503_when_the_database_is_gone_while_liveness_stays_200()
    {
        var client = _factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(_factory.DataPath, "learninghub.db"));

        // Liveness does not touch the database: the process is alive, restarting it would not help.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
    }
}

public sealed class ProductionHostTests : IClassFixture<ProductionHostTests.ProductionFactory>
{
    private readonly ProductionFactory _factory;

    public ProductionHostTests(ProductionFactory factory) => _factory = factory;

    [Fact]
    public async Task Outside_development_plain_http_is_redirected_to_https()
    {
        var response = await _factory.CreateBrowserClient().GetAsync("/norfolk");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://localhost/norfolk", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Outside_development_demo_accounts_are_not_created_unless_asked()
    {
        var count = await _factory.WithBoardAsync("norfolk", db => Task.FromResult(db.Users.Count()));

        Assert.Equal(0, count);
    }

    public sealed class ProductionFactory : LearningHubFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("environment", "Production");
            builder.UseSetting("LearningHub:SeedDemoUsers", "false");
            builder.UseSetting("https_port", "443");
        }
    }
}

public sealed class RateLimitTests(RateLimitTests.LowLimitFactory factory) : IClassFixture<RateLimitTests.LowLimitFactory>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_and_a_page_that_says_to_wait()
    {
        var client = factory.CreateBrowserClient();
        var fields = new Dictionary<string, string> { ["Input.Email"] = "someone@example.org", ["Input.Password"] = "wrong-password-here" };
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitFormAsync("/norfolk/account/sign-in", fields)).StatusCode);
        }

        var refused = await client.SubmitFormAsync("/norfolk/account/sign-in", fields);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many attempts", (await refused.ParseAsync()).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/norfolk/account/sign-in")).StatusCode);
    }

    public sealed class LowLimitFactory : LearningHubFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["LearningHub:AccountRequestsPerMinute"] = "3" };
    }
}
