using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.IntegrationTests.Privacy;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LearningHub.IntegrationTests.Accounts;

/// <summary>
/// Every signed-in request checks that its session is open, from what the node last read of the account's
/// sessions (<c>SessionCheckCache</c>) rather than from the database each time. Ending a session forgets what
/// was read (<see cref="AccountSessionTests"/> shows a copied cookie refused at once after it was used).
/// </summary>
public sealed class SessionCheckTests(QuietFactory factory) : IClassFixture<QuietFactory>
{
    private static async Task<bool> SignedInAsync(HttpClient client) =>
        (await client.GetDocumentAsync("/norfolk")).QuerySelector(".lh-header__signed-in") is not null;

    [Fact]
    public async Task A_signed_in_board_home_reads_nothing_from_the_database_once_the_session_is_known()
    {
        var person = await factory.CreatePractitionerAsync("norfolk", "Quinn Quickhome", "quinn.quickhome@council.example");
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", person.Email, person.Password);
        Assert.True(await SignedInAsync(client));

        using var counter = new CommandCounter(factory.DataPath);
        Assert.True(await SignedInAsync(client));

        Assert.True(counter.Commands.Count == 0, $"{counter.Commands.Count} commands:\n" + string.Join("\n---\n", counter.Commands));
    }

    [Fact]
    public async Task A_session_started_after_the_accounts_sessions_were_read_is_looked_up_not_refused()
    {
        var person = await factory.CreatePractitionerAsync("norfolk", "Nell Newsession", "nell.newsession@council.example");
        var first = factory.CreateBrowserClient();
        await first.SignInAsync("norfolk", person.Email, person.Password);
        Assert.True(await SignedInAsync(first));

        var second = factory.CreateBrowserClient();
        await second.SignInAsync("norfolk", person.Email, person.Password);

        Assert.True(await SignedInAsync(second));
        Assert.True(await SignedInAsync(first));
    }

    [Fact]
    public void The_sign_in_cookie_is_read_through_the_remembering_format_and_the_external_cookie_is_not()
    {
        var cookies = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();

        Assert.IsType<RememberedTicketFormat>(cookies.Get(IdentityConstants.ApplicationScheme).TicketDataFormat);
        Assert.IsNotType<RememberedTicketFormat>(cookies.Get(IdentityConstants.ExternalScheme).TicketDataFormat);
    }
}
