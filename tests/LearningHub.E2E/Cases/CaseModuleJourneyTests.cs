using System.Text;
using System.Text.RegularExpressions;
using LearningHub.E2E.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Cases;

/// <summary>
/// Acceptance 1: a practitioner finds Child V by searching "interpreter" and by the theme "Discussion and
/// Information Sharing", works through it, answers its reflective questions, completes it, downloads the
/// certificate PDF and checks the code on the verify page; axe checks every page on the way.
/// Uses the real Child V from the Norfolk recipe when it is there, else a small stand-in with the same name,
/// an interpreter in its text and that theme.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class CaseModuleJourneyTests(SiteFixture site)
{
    private const string Theme = "Discussion and Information Sharing";

    private async Task<string> ChildVAddressAsync(IPage page)
    {
        var response = await page.GotoAsync("/norfolk/modules?q=child+v");
        var link = page.Locator("main h3 a", new() { HasTextString = "Child V" });
        if (await link.CountAsync() == 0)
        {
            await CaseFixtures.ApplyAsync(site.Services, "norfolk", CaseFixtures.ChildV("child-v-e2e"));
            return "/norfolk/modules/child-v-e2e";
        }

        Assert.Equal(200, response!.Status);
        return (await link.First.GetAttributeAsync("href"))!;
    }

    [Fact]
    public async Task PractitionerFindsChildVWorksThroughItAndGetsAVerifiableCertificate()
    {
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        var moduleAddress = await ChildVAddressAsync(page);

        await page.SignInAsDemoAsync("norfolk", "practitioner@norfolk.demo");

        // Search.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Learning modules", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Case learning modules", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        // Each cover sits with its own module: small, beside its title, nearer its own title than the entry above.
        var covers = await page.Locator(".lh-catalogue-item").EvaluateAllAsync<double[][]>(
            "items => items.filter(i => i.querySelector('img')).map(i => { const img = i.querySelector('img').getBoundingClientRect(); const title = i.querySelector('h3').getBoundingClientRect(); const before = i.previousElementSibling ? i.previousElementSibling.getBoundingClientRect().bottom : 0; return [img.width, Math.abs(img.top - title.top), img.top - before]; })");
        Assert.All(covers, c =>
        {
            Assert.True(c[0] <= 160, $"A cover is {c[0]}px wide");
            Assert.True(c[1] < c[2], $"A cover is {c[1]}px from its own title but {c[2]}px from the entry above");
        });
        await page.FillAsync("#q", "interpreter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.Locator($"main h3 a[href='{moduleAddress}']")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // Filter by theme.
        await page.FillAsync("#q", "");
        await page.SelectOptionAsync("#theme", new SelectOptionValue { Label = Theme });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("theme=discussion-and-information-sharing"));
        await Expect(page.Locator($"main h3 a[href='{moduleAddress}']")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // The module page: the content warning comes before the task list.
        await page.Locator($"main h3 a[href='{moduleAddress}']").ClickAsync();
        await Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("Content warning");
        await Accessibility.AssertNoViolationsAsync(page);
        var sectionCount = await page.Locator(".govuk-task-list__item").CountAsync();
        Assert.True(sectionCount > 0);

        // The review at a glance.
        var glance = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Recommendations \(\d+\)") });
        if (await glance.CountAsync() > 0)
        {
            await glance.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The review at a glance" })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await page.GotoAsync(moduleAddress);
        }

        var checkedErrors = false;
        for (var number = 1; number <= sectionCount; number++)
        {
            await page.Locator(".govuk-task-list__link").Nth(number - 1).ClickAsync();
            await Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync($"section {number} of {sectionCount}");
            await Accessibility.AssertNoViolationsAsync(page);
            var sectionAddress = new Uri(page.Url).AbsolutePath;
            var fields = page.Locator("main form textarea");
            if (await fields.CountAsync() > 0)
            {
                // The section's questions are at its end, on its page, under the one privacy wording.
                await Expect(page.Locator("#answers-privacy")).ToHaveTextAsync(LearningHub.Forms.Services.FormPrivacy.Reflection);
                var send = page.GetByRole(AriaRole.Button, new() { Name = "Save your answers and mark as done" });
                var count = await fields.CountAsync();
                if (!checkedErrors)
                {
                    // Sent with the last answer missing: the error summary takes focus and links to the empty
                    // field, what was typed stays, and nothing is marked done.
                    for (var i = 0; i < count - 1; i++)
                    {
                        await fields.Nth(i).FillAsync($"Kept answer {i + 1}");
                    }

                    await send.ClickAsync();
                    var summary = page.Locator(".govuk-error-summary");
                    await Expect(summary).ToBeFocusedAsync();
                    Assert.StartsWith("Error: ", await page.TitleAsync());
                    await Accessibility.AssertNoViolationsAsync(page);
                    if (count > 1)
                    {
                        await Expect(fields.First).ToHaveValueAsync("Kept answer 1");
                    }

                    var link = summary.Locator("a").First;
                    var target = (await link.GetAttributeAsync("href"))!;
                    await link.ClickAsync();
                    await Expect(page.Locator(target)).ToBeFocusedAsync();
                }

                for (var i = 0; i < count; i++)
                {
                    await fields.Nth(i).FillAsync($"My reflection on question {i + 1} of section {number}: use a professional interpreter.");
                }

                checkedErrors = true;
                await send.ClickAsync();
            }
            else
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();
            }

            if (number < sectionCount)
            {
                await Expect(page).ToHaveURLAsync(new Regex($"/sections/{number + 1}$"));
                await page.GotoAsync(moduleAddress);
            }
        }

        Assert.True(checkedErrors, "The module asks reflective questions");

        // Completed: the certificate page.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Module completed" })).ToBeVisibleAsync();
        var code = (await page.Locator(".lh-certificate__code").TextContentAsync())!.Trim();
        Assert.Matches("^NSCB-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$", code);
        await Expect(page.Locator(".lh-certificate__name")).ToHaveTextAsync("Pat Practitioner");
        await Accessibility.AssertNoViolationsAsync(page);

        // The PDF of the certificate.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download PDF" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        var title = PdfTitle(bytes);
        Assert.Contains(code, title);
        Assert.Contains("Pat Practitioner", title);

        // My learning lists it as completed.
        await page.GetByRole(AriaRole.Link, new() { Name = "My learning", Exact = true }).First.ClickAsync();
        await Expect(page.Locator("main table").Last).ToContainTextAsync("Version 1");
        // and holds what the practitioner wrote at the end of each section: their own record.
        await Expect(page.Locator("#reflections ~ dl").First).ToContainTextAsync("use a professional interpreter.");
        await Accessibility.AssertNoViolationsAsync(page);

        // The completed module offers the certificate as a button (axe checks its contrast), and the certificate says
        // what its time is beside the module's estimate.
        await page.GotoAsync(moduleAddress);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "View your certificate" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "View your certificate" }).ClickAsync();
        await Expect(page.Locator(".lh-certificate__details")).ToContainTextAsync("Time on the module's pages");
        await Expect(page.Locator(".lh-certificate__details")).ToContainTextAsync("Module's estimated time");
        await Accessibility.AssertNoViolationsAsync(page);

        // Your details says who sees your name.
        await page.GetByRole(AriaRole.Link, new() { Name = "Your details" }).ClickAsync();
        await Expect(page.Locator("#who-sees-your-name")).ToContainTextAsync("when you book an event");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Change your password" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // Anyone can verify the code, signed out.
        await using var anonymous = await site.OpenSessionAsync();
        await anonymous.Page.GotoAsync($"/norfolk/verify/{code}");
        await Expect(anonymous.Page.GetByRole(AriaRole.Heading, new() { Name = "Certificate confirmed" })).ToBeVisibleAsync();
        await Expect(anonymous.Page.Locator("main")).ToContainTextAsync("Pat Practitioner");
        await Accessibility.AssertNoViolationsAsync(anonymous.Page);
    }

    /// <summary>The document title from the PDF's Info dictionary (Chromium writes the page title there).</summary>
    private static string PdfTitle(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var hex = HexTitle().Match(text);
        if (hex.Success)
        {
            var raw = Convert.FromHexString(Regex.Replace(hex.Groups[1].Value, @"\s", ""));
            return raw.Length >= 2 && raw[0] == 0xFE && raw[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(raw, 2, raw.Length - 2) : Encoding.Latin1.GetString(raw);
        }

        var literal = LiteralTitle().Match(text);
        Assert.True(literal.Success, "The PDF has no /Title");
        return literal.Groups[1].Value.Replace("\\(", "(").Replace("\\)", ")");
    }

    [GeneratedRegex(@"/Title\s*<([0-9A-Fa-f\s]+)>")]
    private static partial Regex HexTitle();

    [GeneratedRegex(@"/Title\s*\(((?:\\.|[^\\)])*)\)")]
    private static partial Regex LiteralTitle();
}
