using LearningHub.Cases.Domain;

namespace LearningHub.Cases.Services;

/// <summary>One difference between two versions: where ("Section: What happened") and what ("Added", "Text changed").</summary>
public sealed record VersionChange(string Where, string What);

/// <summary>
/// What changed from one version to another. Sections are matched by their stable key (a revision keeps it),
/// recommendations by number, chronology entries and findings by their text.
/// </summary>
public static class VersionChanges
{
    public static IReadOnlyList<VersionChange> Compare(CaseModuleVersion from, CaseModuleVersion to)
    {
        var changes = new List<VersionChange>();
        void Field(string name, string? a, string? b)
        {
            if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
            {
                changes.Add(new VersionChange(name, "Changed"));
            }
        }

        Field("Title", from.Title, to.Title);
        Field("Type of review", CaseText.Of(from.ReviewType), CaseText.Of(to.ReviewType));
        Field("Summary", from.Summary, to.Summary);
        Field("Content warning", from.ContentWarning, to.ContentWarning);
        Field("Where to get support", from.SupportSignposting, to.SupportSignposting);
        Field("Time needed", from.EstimatedMinutes.ToString(), to.EstimatedMinutes.ToString());
        Field("The board's response", from.BoardResponse, to.BoardResponse);
        if (!from.Themes.Select(t => t.ThemeId).ToHashSet().SetEquals(to.Themes.Select(t => t.ThemeId)))
        {
            changes.Add(new VersionChange("Themes", "Changed"));
        }

        var oldSections = from.Sections.ToDictionary(s => s.Key);
        var newSections = to.Sections.ToDictionary(s => s.Key);
        foreach (var section in to.Sections.OrderBy(s => s.Position))
        {
            if (!oldSections.TryGetValue(section.Key, out var old))
            {
                changes.Add(new VersionChange($"Section: {section.Title}", "Added"));
                continue;
            }

            var what = new List<string>();
            if (old.Title != section.Title)
            {
                what.Add($"renamed from “{old.Title}”");
            }

            if (old.Kind != section.Kind)
            {
                what.Add($"kind changed to {CaseText.Of(section.Kind)}");
            }

            if (old.Body != section.Body)
            {
                what.Add("text changed");
            }

            if (old.Position != section.Position)
            {
                what.Add("moved");
            }

            if (what.Count > 0)
            {
                changes.Add(new VersionChange($"Section: {section.Title}", Capitalise(string.Join(", ", what))));
            }
        }

        changes.AddRange(from.Sections.Where(s => !newSections.ContainsKey(s.Key)).Select(s => new VersionChange($"Section: {s.Title}", "Removed")));

        Listed("Chronology", from.Chronology.Select(c => $"{c.When}: {c.What}"), to.Chronology.Select(c => $"{c.When}: {c.What}"), changes);
        Listed("Finding", from.Findings.Select(f => f.Text), to.Findings.Select(f => f.Text), changes);

        var oldRecommendations = from.Recommendations.ToDictionary(r => r.Number, StringComparer.OrdinalIgnoreCase);
        foreach (var r in to.Recommendations.OrderBy(r => r.Position))
        {
            if (!oldRecommendations.TryGetValue(r.Number, out var old))
            {
                changes.Add(new VersionChange($"Recommendation {r.Number}", "Added"));
            }
            else if (old.Text != r.Text || old.Rationale != r.Rationale || old.Scope != r.Scope || old.ThemeId != r.ThemeId)
            {
                changes.Add(new VersionChange($"Recommendation {r.Number}", "Changed"));
            }
            else if (old.Status != r.Status)
            {
                changes.Add(new VersionChange($"Recommendation {r.Number}", $"Status changed to {CaseText.Of(r.Status)}"));
            }
        }

        changes.AddRange(from.Recommendations.Where(r => to.Recommendations.All(n => !string.Equals(n.Number, r.Number, StringComparison.OrdinalIgnoreCase)))
            .Select(r => new VersionChange($"Recommendation {r.Number}", "Removed")));
        return changes;
    }

    private static void Listed(string name, IEnumerable<string> before, IEnumerable<string> after, List<VersionChange> changes)
    {
        var old = before.ToList();
        var now = after.ToList();
        changes.AddRange(now.Except(old).Select(t => new VersionChange(name, $"Added: {Short(t)}")));
        changes.AddRange(old.Except(now).Select(t => new VersionChange(name, $"Removed: {Short(t)}")));
    }

    private static string Short(string text) => text.Length > 120 ? text[..120] + "…" : text;

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
