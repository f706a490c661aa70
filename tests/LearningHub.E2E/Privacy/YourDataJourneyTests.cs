using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.E2E.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Privacy;

/// <summary>A practitioner looks at a copy of their data, then deletes their account (a wrong password first), and is signed out.</summary>
[Collection(SiteCollection.Name)]
public sealed class YourDataJourneyTests(SiteFixture site)
{
    private const string Password = "a long enough password for privacy";

    private async Task<string> CreatePractitionerAsync(string fullName, string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var board = await scope.ServiceProvider.GetRequiredService<BoardDirectory>().FindAsync("norfolk") ?? throw new InvalidOperationException("No board");
        scope.ServiceProvider.GetRequiredService<BoardContext>().Use(board);
        var db = scope.ServiceProvider.GetRequiredService<LearningHubDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName,
            JobRole = "School nurse",
            AgencyId = await db.Agencies.OrderBy(a => a.SortOrder).Select(a => a.Id).FirstAsync(),
            LocalityId = await db.Localities.OrderBy(l => l.SortOrder).Select(l => l.Id).FirstAsync(),
            CreatedUtc = DateTime.UtcNow,
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, BoardRoles.Practitioner)).Succeeded);
        return user.Id;
    }

    [Fact]
    public async Task PractitionerViewsTheirDataAndDeletesTheirAccount()
    {
        var email = $"imogen.{Guid.NewGuid():N}@nhs.example";
        await CreatePractitionerAsync("Imogen Leaving", email);
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;

        await page.GotoAsync("/norfolk/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".lh-header__signed-in")).ToBeVisibleAsync();

        await page.GotoAsync("/norfolk/account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Get a copy of your data or delete your account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your data", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "View your data on a page" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "A copy of your data", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync("Imogen Leaving");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bookings", Level = 3 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your data" }).ClickAsync();
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Delete your account", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delete your account", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // A wrong password: the GOV.UK error summary, linked to the field, and the account is still there.
        await page.FillAsync("#Input_Password", "not my password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete your account" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.Locator("a[href='#Input_Password']")).ToContainTextAsync("password is not right");
        Assert.StartsWith("Error: ", await page.TitleAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.FillAsync("#Input_Password", Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete your account" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url("/norfolk/account/deleted"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account has been deleted", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".lh-header__signed-in")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);

        // Signed out for good: the account pages ask them to sign in again.
        await page.GotoAsync("/norfolk/account");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/norfolk/account/sign-in"));
        session.AssertNoBrowserErrors();
    }
}
