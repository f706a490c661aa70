using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Infrastructure;

public static class DemoSignIn
{
    /// <summary>
    /// Signs one of the seeded demo accounts in through the board's real sign-in page, and waits until the
    /// header shows them signed in.
    /// </summary>
    public static async Task SignInAsDemoAsync(this IPage page, string board, string email)
    {
        await page.GotoAsync($"/{board}/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", SiteFixture.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".lh-header__signed-in")).ToBeVisibleAsync();
    }
}
