using System.Net;
using System.Text.RegularExpressions;
using LearningHub.Core.Accounts;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Accounts;

/// <summary>
/// Nobody can find out from the account pages whether an address has an account: registration, forgotten
/// password and sign-in answer the same for known and unknown addresses, and the owner learns by mail.
/// </summary>
public sealed partial class AccountDiscoveryTests(AccountDiscoveryTests.CountingFactory factory) : IClassFixture<AccountDiscoveryTests.CountingFactory>
{
    private async Task<Dictionary<string, string>> RegistrationAsync(string email, string password = "a long enough password")
    {
        var (agency, locality) = await factory.WithBoardAsync("norfolk", async db =>
            (await db.Agencies.OrderBy(a => a.SortOrder).Select(a => a.Id).FirstAsync(),
             await db.Localities.OrderBy(l => l.SortOrder).Select(l => l.Id).FirstAsync()));
        return new Dictionary<string, string>
        {
            ["Input.FullName"] = "Dana Discover",
            ["Input.Email"] = email,
            ["Input.AgencyId"] = agency.ToString(),
            ["Input.JobRole"] = "Health visitor",
            ["Input.LocalityId"] = locality.ToString(),
            ["Input.LineManagerEmail"] = "",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        };
    }

    /// <summary>The page's text without the per-request antiforgery token.</summary>
    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        TokenPattern().Replace(await response.Content.ReadAsStringAsync(), "");

    [Fact]
    public async Task Registering_answers_the_same_for_a_known_and_an_unknown_address_and_mails_the_owner()
    {
        var unknown = await factory.CreateBrowserClient().SubmitFormAsync("/norfolk/account/register", await RegistrationAsync("dana.discover@council.example"));
        var known = await factory.CreateBrowserClient().SubmitFormAsync("/norfolk/account/register", await RegistrationAsync("practitioner@norfolk.demo"));

        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(unknown.Headers.Location, known.Headers.Location);
        Assert.Equal(await TextAsync(unknown), await TextAsync(known));
        var mail = await Pickup.LatestMessageToAsync(factory.PickupFolder("norfolk"), "practitioner@norfolk.demo");
        Assert.Contains("You already have an account", mail);
        Assert.Contains($"{LearningHubFactory.PublicBaseUrl}/norfolk/account/forgot-password", mail);
        Assert.Equal("Pat Practitioner", await factory.WithBoardAsync("norfolk", db => db.Users.Where(u => u.Email == "practitioner@norfolk.demo").Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task A_weak_password_is_refused_for_a_known_address_as_for_an_unknown_one()
    {
        var unknown = await (await factory.CreateBrowserClient().SubmitFormAsync("/norfolk/account/register", await RegistrationAsync("weak.new@council.example", "1234567890"))).ParseAsync();
        var known = await (await factory.CreateBrowserClient().SubmitFormAsync("/norfolk/account/register", await RegistrationAsync("author@norfolk.demo", "password12"))).ParseAsync();

        Assert.Contains("too easy to guess", unknown.QuerySelector(".govuk-error-summary a[href='#Input_Password']")!.TextContent);
        Assert.Contains("too easy to guess", known.QuerySelector(".govuk-error-summary a[href='#Input_Password']")!.TextContent);
        Assert.Equal(0, await factory.WithBoardAsync("norfolk", db => db.Users.CountAsync(u => u.Email == "weak.new@council.example")));
    }

    [Fact]
    public async Task Forgotten_password_answers_the_same_for_a_known_and_an_unknown_address()
    {
        var unknown = await factory.CreateBrowserClient().SubmitFormAsync("/norfolk/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody.here@council.example" });
        var known = await factory.CreateBrowserClient().SubmitFormAsync("/norfolk/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "coordinator@norfolk.demo" });

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(await TextAsync(unknown), await TextAsync(known));
        Pickup.LinkTo(await Pickup.LatestMessageToAsync(factory.PickupFolder("norfolk"), "coordinator@norfolk.demo"), "/norfolk/account/reset-password");
    }

    [Fact]
    public async Task Sign_in_gives_one_answer_for_an_unknown_address_a_wrong_password_a_locked_account_and_an_unconfirmed_one()
    {
        await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var locked = await users.FindByEmailAsync("author@norfolk.demo");
            await users.SetLockoutEndDateAsync(locked!, DateTimeOffset.UtcNow.AddMinutes(15));
            var unconfirmed = new ApplicationUser { UserName = "unconfirmed@council.example", Email = "unconfirmed@council.example", FullName = "Una Unconfirmed" };
            Assert.True((await users.CreateAsync(unconfirmed, "a long enough password")).Succeeded);
            return 0;
        });

        async Task<(HttpStatusCode, string)> SignInAsync(string email, string password)
        {
            var response = await factory.CreateBrowserClient().SubmitFormAsync("/norfolk/account/sign-in", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            });
            // The address typed is shown back in its field; the rest of the page must not differ.
            return (response.StatusCode, (await TextAsync(response)).Replace(email, "{email}", StringComparison.Ordinal));
        }

        var wrongPassword = await SignInAsync("admin@norfolk.demo", "not the right password");
        Assert.Equal(HttpStatusCode.OK, wrongPassword.Item1);
        Assert.Contains("Enter the email address and password of your account on this board", wrongPassword.Item2);
        Assert.Equal(wrongPassword, await SignInAsync("nobody.at.all@council.example", "not the right password"));
        Assert.Equal(wrongPassword, await SignInAsync("author@norfolk.demo", LearningHubFactory.DemoPassword));
        Assert.Equal(wrongPassword, await SignInAsync("unconfirmed@council.example", "a long enough password"));
    }

    [Fact]
    public async Task Sign_in_with_an_unknown_address_still_checks_a_password_hash()
    {
        var before = factory.Hasher.Verifications;

        await factory.CreateBrowserClient().SubmitFormAsync("/norfolk/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = "no.such.person@council.example",
            ["Input.Password"] = "whatever they typed",
        });

        Assert.Equal(before + 1, factory.Hasher.Verifications);
    }

    [GeneratedRegex(@"<input[^>]*__RequestVerificationToken[^>]*>")]
    private static partial Regex TokenPattern();

    /// <summary>The site with a password hasher that counts its checks (the real one does the work).</summary>
    public sealed class CountingFactory : LearningHubFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher));
        }
    }

    public sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
