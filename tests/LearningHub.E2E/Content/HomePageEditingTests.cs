using LearningHub.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Content;

/// <summary>
/// Issue 20, acceptance 4: a board administrator changes the home page's introduction and a news item and sees both
/// on the home page; every page on the way passes axe. The news item is one the board's recipe made.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class HomePageEditingTests(SiteFixture site)
{
    [Fact]
    public async Task BoardAdminEditsTheIntroductionAndANewsItemAndSeesThemOnTheHomePage()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("norfolk", "admin@norfolk.demo");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Site content" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Site content", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // The recipe's About page: its editor and its preview.
        await page.Locator("#pages").GetByRole(AriaRole.Link, new() { Name = "About Norfolk Safeguarding Children Board" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change page", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GotoAsync(page.Url + "/preview");
        await Expect(page.Locator("#preview-state")).ToContainTextAsync("published");
        await Accessibility.AssertNoViolationsAsync(page);

        // The introduction: first a choice left unfinished (the error links to the field and the text stays), then saved.
        await page.GotoAsync("/norfolk/manage/home");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Home page", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.FillAsync("#Input_Introduction", "Welcome to the board's learning. Our **spring roadshow** starts soon.");
        await page.Locator("#Input_Modules-chosen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save home page" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a[href='#Input_ChosenModules']")).ToHaveTextAsync("Choose the modules to feature, or choose another option");
        await Expect(page.Locator("#Input_Introduction")).ToHaveValueAsync("Welcome to the board's learning. Our **spring roadshow** starts soon.");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#Input_Modules").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save home page" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The home page was saved");
        await Accessibility.AssertNoViolationsAsync(page);

        // A news item from the recipe: a date that does not exist is refused at the field, then the change is saved.
        await page.GotoAsync("/norfolk/manage/news");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Spring roadshow: learning from Case Y and Case R" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change news", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.FillAsync("#Input_Title", "Spring roadshow: two more sessions");
        await page.FillAsync("input[name='Input.Date.Day']", "31");
        await page.FillAsync("input[name='Input.Date.Month']", "2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save news" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a[href='#Input_Date']")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_Title")).ToHaveValueAsync("Spring roadshow: two more sessions");
        await Accessibility.AssertNoViolationsAsync(page);
        var today = DateTime.UtcNow;
        await page.FillAsync("input[name='Input.Date.Day']", today.Day.ToString());
        await page.FillAsync("input[name='Input.Date.Month']", today.Month.ToString());
        await page.FillAsync("input[name='Input.Date.Year']", today.Year.ToString());
        await page.FillAsync("#Input_Text", "Two more sessions have been added in King's Lynn and Great Yarmouth.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save news" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The news was saved");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "View the home page" }).ClickAsync();
        await Expect(page.Locator("#introduction")).ToContainTextAsync("Welcome to the board's learning. Our spring roadshow starts soon.");
        await Expect(page.Locator("#introduction strong")).ToHaveTextAsync("spring roadshow");
        var news = page.Locator("#news article").Filter(new() { HasText = "Spring roadshow: two more sessions" });
        await Expect(news).ToContainTextAsync("Two more sessions have been added in King's Lynn and Great Yarmouth.");
        await Accessibility.AssertNoViolationsAsync(page);

        // The public pages the home page leads to.
        await page.GetByRole(AriaRole.Link, new() { Name = "All news" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "News", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "About Norfolk Safeguarding Children Board" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "About Norfolk Safeguarding Children Board", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
