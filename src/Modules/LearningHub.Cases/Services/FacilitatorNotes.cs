using System.Text.RegularExpressions;

namespace LearningHub.Cases.Services;

/// <summary>
/// The parts of a section's text kept for facilitators: each heading that starts "For facilitators" with what
/// follows it up to the next heading of the same or a higher level. Authors (and the recipes, as Case A1's
/// team activities) write them in the section's text, so the facilitator view can gather them without a field of their own.
/// </summary>
public static partial class FacilitatorNotes
{
    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    /// <summary>The facilitators' parts of the markdown, headings included, in order; empty when there are none.</summary>
    public static IReadOnlyList<string> From(string? markdown)
    {
        var parts = new List<string>();
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return parts;
        }

        List<string>? current = null;
        var level = 0;
        foreach (var line in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                var thisLevel = heading.Groups[1].Value.Length;
                if (current is not null && thisLevel <= level)
                {
                    parts.Add(string.Join('\n', current).Trim());
                    current = null;
                }

                if (current is null && heading.Groups[2].Value.StartsWith("For facilitators", StringComparison.OrdinalIgnoreCase))
                {
                    current = [];
                    level = thisLevel;
                }
            }

            current?.Add(line);
        }

        if (current is not null)
        {
            parts.Add(string.Join('\n', current).Trim());
        }

        return parts;
    }
}
