using System.Net;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LearningHub.IntegrationTests.Hosting;

/// <summary>Links in mail come from LearningHub:PublicBaseUrl, never from the request; other hosts are refused.</summary>
public sealed class HostFilteringTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task A_request_naming_another_host_is_refused_with_400()
    {
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        var response = await client.GetAsync("/norfolk/account/forgot-password");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowserClient().GetAsync("/norfolk/account/forgot-password")).StatusCode);
    }
}

public sealed class PublicAddressTests(PublicAddressTests.AnyHostFactory factory) : IClassFixture<PublicAddressTests.AnyHostFactory>
{
    [Fact]
    public async Task A_reset_asked_for_with_a_forged_host_mails_a_link_to_the_configured_address_only()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Host = "evil.example";

        var sent = await client.SubmitFormAsync("/norfolk/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "practitioner@norfolk.demo" });

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var mail = await Pickup.LatestMessageToAsync(factory.PickupFolder("norfolk"), "practitioner@norfolk.demo");
        Assert.Contains($"{AnyHostFactory.Configured}/norfolk/account/reset-password?", mail);
        Assert.DoesNotContain("evil.example", mail);
    }

    /// <summary>Production with host filtering turned off (AllowedHosts=*), so only the configured address stands between a forged Host and the mail.</summary>
    public sealed class AnyHostFactory : LearningHubFactory
    {
        public const string Configured = "https://learning.example.org";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("https_port", "443");
            builder.UseSetting("AllowedHosts", "*");
            builder.UseSetting("LearningHub:PublicBaseUrl", Configured);
        }
    }
}

public sealed class PublicBaseUrlRequiredTests
{
    [Theory]
    [InlineData("")]
    [InlineData("learning.example.org")]
    public async Task Outside_development_the_site_does_not_start_without_a_public_address(string value)
    {
        await using var factory = new NoAddressFactory(value);

        var failure = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("LearningHub:PublicBaseUrl must be set outside Development", failure.ToString());
    }

    private sealed class NoAddressFactory(string value) : LearningHubFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("LearningHub:PublicBaseUrl", value);
        }
    }
}
