using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.E2E.Infrastructure;
using LearningHub.Events.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Accounts;

/// <summary>
/// Issue 21, acceptance 3: in Chromium, a practitioner signs in to Norfolk through a real OpenID provider's own
/// pages (tests/oidc-provider), completes their profile before anything else, and books an event; axe checks
/// LearningHub's pages on the way (not the provider's, which are not LearningHub's). Runs on its own site, whose
/// address the provider must know for its clients' callbacks.
/// </summary>
public sealed class WorkAccountJourneyTests : IAsyncLifetime
{
    private readonly SiteFixture _site = new();
    private OidcTestProvider _provider = default!;

    public async Task InitializeAsync()
    {
        await _site.InitializeAsync();
        _provider = new OidcTestProvider(_site.BaseAddress.ToString().TrimEnd('/'));
        await _provider.StartAsync();
        await WithNorfolkAsync(async services =>
        {
            await services.GetRequiredService<IdentityProviderEditor>().SaveAsync(new IdentityProviderChange(
                "nhs", "Sign in with your NHS account", _provider.Issuer, OidcTestProvider.NorfolkClientId, OidcTestProvider.NorfolkClientSecret,
                "profile email", [OidcTestProvider.WorkDomain], DomainsMustUseProvider: true));
            return 0;
        });
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _site.DisposeAsync();
    }

    private async Task<T> WithNorfolkAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var board = await scope.ServiceProvider.GetRequiredService<BoardDirectory>().FindAsync("norfolk") ?? throw new InvalidOperationException("No board");
        scope.ServiceProvider.GetRequiredService<BoardContext>().Use(board);
        return await action(scope.ServiceProvider);
    }

    [Fact]
    public async Task A_practitioner_signs_in_with_their_work_account_completes_their_profile_and_books_an_event()
    {
        var eventId = await WithNorfolkAsync(services => services.GetRequiredService<LearningHubDbContext>().Set<LearningEvent>()
            .Where(e => e.Venue!.StartsWith("County Hall")).OrderBy(e => e.StartUtc).Select(e => e.Id).FirstAsync());
        await using var session = await _site.OpenSessionAsync();
        var page = session.Page;

        await page.GotoAsync($"/norfolk/events/{eventId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Book a place" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your NHS account" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your NHS account" }).ClickAsync();

        // The provider's own pages.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to your work account" })).ToBeVisibleAsync();
        await page.FillAsync("#email", "frankie.browser@nhs.test");
        await page.FillAsync("#password", OidcTestProvider.PasswordOf("frankie.browser@nhs.test"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();

        // Back at LearningHub: the profile first.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tell us about your work" })).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_FullName")).ToHaveValueAsync("Frankie Browser");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a[href='#Input_AgencyId']")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.SelectOptionAsync("#Input_AgencyId", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#Input_JobRole", "Health visitor");
        await page.SelectOptionAsync("#Input_LocalityId", new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        // Then where they were going: booking the event.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Before you book" })).ToBeVisibleAsync();
        await Expect(page.Locator(".lh-header__signed-in")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.FillAsync("#Input_Answer", "None");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your booking" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Booking confirmed" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // Signing out offers the provider's sign-out too.
        await page.GotoAsync("/norfolk/account/sign-out");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out of your work account too" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        session.AssertNoBrowserErrors();
    }
}
