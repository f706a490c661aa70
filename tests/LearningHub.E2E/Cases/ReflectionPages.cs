using System.Text.RegularExpressions;
using LearningHub.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Cases;

/// <summary>
/// A practitioner answering a case module section's reflective questions: from the section page into Forms'
/// GOV.UK question pages, check answers, confirmation, and back to the section. Axe checks every page.
/// </summary>
public static partial class ReflectionPages
{
    /// <summary>
    /// Answers every reflection form the section page offers. With <paramref name="checkValidation"/>, the
    /// first question page is sent once with an answer that fails (the first question answered and the rest
    /// left empty, or, when the page asks one question, an answer over its limit): the error summary takes
    /// focus, its link moves focus to the field, and what was typed is still there.
    /// </summary>
    public static async Task AnswerAsync(IPage page, string sectionAddress, bool checkValidation, Func<int, string> answer)
    {
        var answerLink = page.GetByRole(AriaRole.Button, new() { NameRegex = AnswerLinkName() });
        while (await answerLink.CountAsync() > 0)
        {
            await answerLink.First.ClickAsync();
            await Expect(page.Locator("a.govuk-button--start")).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await page.Locator("a.govuk-button--start").ClickAsync();

            var asked = 0;
            var checkAnswers = page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers" });
            while (await checkAnswers.CountAsync() == 0)
            {
                var fields = page.Locator("main form textarea");
                await Expect(fields.First).ToBeVisibleAsync();
                await Accessibility.AssertNoViolationsAsync(page);
                var count = await fields.CountAsync();
                if (checkValidation)
                {
                    checkValidation = false;
                    var typed = count > 1 ? answer(asked) : new string('x', await LimitAsync(page) + 1);
                    await fields.First.FillAsync(typed);
                    await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

                    var summary = page.Locator(".govuk-error-summary");
                    await Expect(summary).ToBeFocusedAsync();
                    await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
                    await Accessibility.AssertNoViolationsAsync(page);
                    await Expect(fields.First).ToHaveValueAsync(typed);

                    var link = summary.Locator("a").First;
                    var target = (await link.GetAttributeAsync("href"))!;
                    await link.ClickAsync();
                    await Expect(page.Locator(target)).ToBeFocusedAsync();
                }

                for (var i = 0; i < count; i++)
                {
                    await fields.Nth(i).FillAsync(answer(asked + i));
                }

                asked += count;
                await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
                await Expect(page.Locator("main form textarea").First.Or(checkAnswers)).ToBeVisibleAsync();
            }

            await Accessibility.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send answers" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Answers sent" })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Continue", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(sectionAddress) + "$"));
        }
    }

    /// <summary>The longest answer the page's first question takes, from its hint ("You can enter up to 2,000 characters").</summary>
    private static async Task<int> LimitAsync(IPage page)
    {
        var hints = string.Join(' ', await page.Locator("main form").AllInnerTextsAsync());
        var match = LimitText().Match(hints);
        Assert.True(match.Success, "The long text question states its limit");
        return int.Parse(match.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^Answer the reflective questions")]
    private static partial Regex AnswerLinkName();

    [GeneratedRegex(@"up to ([\d,]+) characters")]
    private static partial Regex LimitText();
}
