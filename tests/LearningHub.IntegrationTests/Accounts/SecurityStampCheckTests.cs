using System.Net;
using LearningHub.Core.Accounts;
using LearningHub.Core.Data;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.IntegrationTests.Privacy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Accounts;

/// <summary>
/// A role taken away reaches a browser already signed in when its cookie is next checked against the
/// account's security stamp (every minute), which a role change renews, so the person signs in again with
/// their new roles. The check is skipped, without building Identity's managers, only while it is not due, and a
/// check a session passed is reused for that session's next due requests on this node (<c>SessionCheckCache</c>)
/// until the account's roles change.
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

    [Fact]
    public async Task A_session_whose_stamp_check_passed_is_not_checked_again_on_its_next_requests()
    {
        var person = await factory.CreatePractitionerAsync("essex", "Stella Stampcheck", "stella.stampcheck@council.example");
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("essex", person.Email, person.Password);
        using var due = MakeTheCheckDue();

        var checkedNow = await client.GetAsync("/essex");
        using var counter = new CommandCounter(factory.DataPath);
        var next = await client.GetAsync("/essex");

        // The check renews the cookie; the next request, due again (the clock runs ahead of the cookie), reuses it.
        Assert.Contains(checkedNow.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lh.account=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.DoesNotContain(next.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("lh.account=", StringComparison.Ordinal));
        Assert.True(counter.Commands.Count == 0, $"{counter.Commands.Count} commands:\n" + string.Join("\n---\n", counter.Commands));
    }

    [Fact]
    public async Task A_role_taken_away_after_a_stamp_check_passed_reaches_the_session_at_once()
    {
        var person = await factory.CreatePractitionerAsync("essex", "Cora Coordinator", "cora.coordinator@council.example");
        await factory.WithBoardServicesAsync("essex", async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            return (await users.AddToRoleAsync((await users.FindByIdAsync(person.Id))!, BoardRoles.Coordinator)).Succeeded;
        });
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("essex", person.Email, person.Password);
        using var due = MakeTheCheckDue();
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/essex/manage")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/essex/manage")).StatusCode);
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("essex", "admin@essex.demo");

        var saved = await admin.SubmitFormAsync($"/essex/admin/people/{person.Id}", new Dictionary<string, string> { ["Roles"] = "Author" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await coordinator.GetAsync("/essex/manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/essex/account/sign-in", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>
    /// Puts the stamp check's clock two minutes past now, so every cookie issued until the test ends is due; disposing
    /// puts it back (the tests of this class share it, and the first expects a check not yet due).
    /// </summary>
    private ClockMoved MakeTheCheckDue()
    {
        var by = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(2) - factory.Clock.GetUtcNow();
        factory.Clock.Advance(by);
        return new ClockMoved(factory.Clock, by);
    }

    private sealed class ClockMoved(MovableClock clock, TimeSpan by) : IDisposable
    {
        public void Dispose() => clock.Advance(-by);
    }
}
