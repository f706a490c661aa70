using System.Text.RegularExpressions;
using LearningHub.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E;

/// <summary>A practitioner creates an account on a board, confirms their email address and signs in.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class AccountJourneyTests(SiteFixture site)
{
    // A name beyond ASCII, so the mail's headers and body must be encoded and decoded properly on the way.
    private const string FullName = "Łucja Ní Bhriain";
    private const string JobRole = "Health visitor";
    private const string Agency = "Norfolk Community Health and Care NHS Trust";
    private const string Locality = "Great Yarmouth";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task PractitionerRegistersConfirmsEmailAndSignsInToTheirBoardOnly()
    {
        var email = $"lucja.{Guid.NewGuid():N}@nhs.example";
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;

        // Board home, signed out.
        Assert.Equal(200, (await page.GotoAsync("/norfolk"))!.Status);
        await Expect(page.Locator(".lh-header__signed-in")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);

        // The header's link to the registration form.
        await page.Locator(".lh-header").GetByRole(AriaRole.Link, new() { Name = "Create an account", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url("/norfolk/account/register"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create an account", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // First try: no name and an email address that is not one.
        await page.FillAsync("#Input_Email", "lucja at nhs dot example");
        await page.SelectOptionAsync("#Input_AgencyId", new SelectOptionValue { Label = Agency });
        await page.FillAsync("#Input_JobRole", JobRole);
        await page.SelectOptionAsync("#Input_LocalityId", new SelectOptionValue { Label = Locality });
        await page.FillAsync("#Input_Password", Password);
        await page.FillAsync("#Input_ConfirmPassword", Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToBeVisibleAsync();
        Assert.Equal(site.Url("/norfolk/account/register"), page.Url);
        Assert.StartsWith("Error: ", await page.TitleAsync());
        // Exactly the two problems, in the order of the fields, each linking to its field.
        var links = summary.Locator("a");
        var targets = await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["#Input_FullName", "#Input_Email"], targets);
        await Expect(links.First).ToHaveTextAsync("Enter your full name");
        await Expect(links.Nth(1)).ToHaveTextAsync("Enter an email address in the correct format, like name@example.org");
        // govuk-frontend moves focus to the summary when the page loads, so it is announced first.
        await Expect(summary).ToBeFocusedAsync();
        // Each field in error says so next to itself too.
        await Expect(page.Locator("#Input_FullName-error")).ToContainTextAsync("Enter your full name");
        await Expect(page.Locator("#Input_FullName")).ToHaveAttributeAsync("aria-describedby", new Regex(@"\bInput_FullName-error\b"));
        await Expect(page.Locator("#Input_Email-error")).ToContainTextAsync("Enter an email address in the correct format");

        // What was typed is still there (passwords excepted, by design).
        await Expect(page.Locator("#Input_Email")).ToHaveValueAsync("lucja at nhs dot example");
        await Expect(page.Locator("#Input_JobRole")).ToHaveValueAsync(JobRole);
        Assert.Equal(Agency, await SelectedLabelAsync(page, "#Input_AgencyId"));
        Assert.Equal(Locality, await SelectedLabelAsync(page, "#Input_LocalityId"));
        await Accessibility.AssertNoViolationsAsync(page);

        // Choosing an error in the summary takes the person to the field (govuk-frontend's script).
        await links.First.ClickAsync();
        await Expect(page.Locator("#Input_FullName")).ToBeFocusedAsync();

        // Second try, all in order.
        await page.FillAsync("#Input_FullName", FullName);
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await page.FillAsync("#Input_ConfirmPassword", Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url("/norfolk/account/check-your-email"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // Signing in before confirming is refused as a wrong password is (so nobody learns the account exists);
        // the page says to confirm the address first.
        await page.GotoAsync("/norfolk/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the email address and password of your account on this board");
        await Expect(page.Locator("main")).ToContainTextAsync("confirm your email address first");
        await Expect(page.Locator(".lh-header__signed-in")).ToHaveCountAsync(0);

        // The confirmation mail, as the board's pickup folder holds it.
        var mail = await new Mailbox(site.DataPath, "norfolk").SingleMailToAsync(email);
        Assert.NotNull(mail.TextBody);
        Assert.Contains($"Dear {FullName},", mail.TextBody);
        var link = ConfirmLink(mail.TextBody!);
        Assert.StartsWith(site.Url("/norfolk/account/confirm-email?"), link);
        // The HTML alternative carries the same link.
        Assert.NotNull(mail.HtmlBody);
        var hrefs = HrefPattern().Matches(mail.HtmlBody!).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
        Assert.Contains(link, hrefs);

        Assert.Equal(200, (await page.GotoAsync(link))!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email address confirmed", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // Sign in from the confirmation page.
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url("/norfolk/account/sign-in"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(site.Url("/norfolk"));
        await Expect(page.Locator(".lh-header__signed-in")).ToHaveTextAsync(FullName);
        await Accessibility.AssertNoViolationsAsync(page);

        // Accounts belong to one board: Essex does not know this person.
        Assert.Equal(200, (await page.GotoAsync("/essex"))!.Status);
        await Expect(page.Locator(".lh-header__signed-in")).ToHaveCountAsync(0);
        await Expect(page.Locator(".lh-header").GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        Assert.DoesNotContain(FullName, await page.Locator("body").InnerTextAsync());

        // And back on Norfolk, still signed in.
        await page.GotoAsync("/norfolk");
        await Expect(page.Locator(".lh-header__signed-in")).ToHaveTextAsync(FullName);

        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task ErrorSummaryListsProblemsInTheOrderOfTheFields()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        Assert.Equal(200, (await page.GotoAsync("/norfolk/account/register"))!.Status);

        // Everything left empty but the optional line manager's address, which is wrong.
        await page.FillAsync("#Input_LineManagerEmail", "my manager");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToBeVisibleAsync();

        // GOV.UK error summary: problems listed in the order their fields come on the page, so the
        // first one a person reads (and the first link) is the first field to fix.
        var fieldOrder = await page.Locator("form .govuk-form-group--error").EvaluateAllAsync<string[]>(
            "groups => groups.map(g => '#' + g.querySelector('input, select, textarea').id)");
        Assert.Equal(
            ["#Input_FullName", "#Input_Email", "#Input_AgencyId", "#Input_JobRole", "#Input_LocalityId", "#Input_LineManagerEmail", "#Input_Password", "#Input_ConfirmPassword"],
            fieldOrder);
        var summaryOrder = await summary.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(fieldOrder, summaryOrder);

        // The first link takes the person to the first field.
        await summary.Locator("a").First.ClickAsync();
        await Expect(page.Locator("#Input_FullName")).ToBeFocusedAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        session.AssertNoBrowserErrors();
    }

    private static Task<string> SelectedLabelAsync(IPage page, string selector) =>
        page.Locator(selector).EvaluateAsync<string>("select => select.selectedOptions[0]?.label ?? ''");

    private static string ConfirmLink(string text)
    {
        var matches = ConfirmLinkPattern().Matches(text);
        Assert.True(matches.Count == 1, $"Expected one confirm link in the mail, found {matches.Count}:\n{text}");
        return matches[0].Value;
    }

    [GeneratedRegex(@"https?://\S+/norfolk/account/confirm-email\?\S+")]
    private static partial Regex ConfirmLinkPattern();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex HrefPattern();
}
