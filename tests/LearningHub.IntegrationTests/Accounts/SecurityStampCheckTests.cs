using System.Net;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Accounts;

/// <summary>
/// A role taken away reaches a browser already signed in when its cookie is next checked against the
/// account's security stamp (every minute), which a role change renews, so the person signs in again with
/// their new roles. The check is skipped, without building Identity's managers, only while it is not due.
/// </summary>
public sealed class SecurityStampCheckTests(SecurityStampCheckTests.StampClockFactory factory) : IClassFixture<SecurityStampCheckTests.StampClockFactory>
{
    /// <summary>The app with a clock the test moves for the security stamp check alone.</summary>
    public sealed class StampClockFactory : LearningHubFactory
    {
        public MovableClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Configure<SecurityStampValidatorOptions>(options => options.TimeProvider = Clock));
        }
    }

    [Fact]
    public async Task A_coordinator_whose_role_is_taken_away_is_asked_to_sign_in_again_once_the_check_is_due()
    {
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("essex", "coordinator@essex.demo");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/essex/manage")).StatusCode);
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("essex", "admin@essex.demo");
        var id = await factory.WithBoardAsync("essex", db => db.Users.Where(u => u.Email == "coordinator@essex.demo").Select(u => u.Id).SingleAsync());

        var saved = await admin.SubmitFormAsync($"/essex/admin/people/{id}", new Dictionary<string, string> { ["Roles"] = "Author" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/essex/manage")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        // The role change gave the account a new security stamp: the old cookie no longer signs them in.
        var after = await coordinator.GetAsync("/essex/manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/essex/account/sign-in", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
