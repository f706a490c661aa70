using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LearningHub.E2E.Infrastructure;

/// <summary>axe-core on the page as it is now, against WCAG 2.0, 2.1 and 2.2 levels A and AA.</summary>
public static class Accessibility
{
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Fails the test with every violation axe finds: rule id, impact, what to fix, and where.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
            // Full detail for violations only: the other groups name their rules but not every node, which
            // keeps each run quick.
            ResultTypes = [ResultType.Violations],
        };
        var result = await page.RunAxe(options);
        if (result.Violations.Length == 0)
        {
            // Guard against a run that checked nothing (wrong tags, axe not really on the page).
            Assert.True(result.Passes.Length > 0, $"axe passed no rule at all on {page.Url}: the check did not really run.");
            return;
        }

        var report = new StringBuilder();
        report.AppendLine($"axe found {result.Violations.Length} WCAG 2.2 AA violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine($"    at {node.Target}: {node.Html}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
                foreach (var message in checks.Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct())
                {
                    report.AppendLine($"      {message}");
                }
            }
        }

        Assert.Fail(report.ToString());
    }
}
