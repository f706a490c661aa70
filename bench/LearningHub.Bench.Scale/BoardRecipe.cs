using System.Text.Json.Nodes;

namespace LearningHub.Bench.Scale;

/// <summary>
/// A seeded board's recipe, made from Norfolk's (the one the app ships): its board settings, theme, taxonomies (learning
/// themes, topics, agencies with their sectors and workforce, localities), role permissions, mail settings, forms (the
/// events' before / after / follow-up evaluations) and content (about page, home page, news), renamed for the board. The
/// app's own recipe executor applies it, so a seeded board is set up exactly as a real one is. Left out: the media step
/// (image renditions cost a second a board and the seeded modules use no images), and the cases, events and resources
/// steps (the seeder copies its own modules and events in bulk).
/// </summary>
public static class BoardRecipe
{
    private static readonly string[] KeptSteps = ["board", "theme", "taxonomies", "roles", "mail", "forms", "content"];

    /// <summary>The seeded board at a position: its name, slug and short name (unique, at most 7 characters).</summary>
    public static (string Area, string Slug, string ShortName) Identity(int index)
    {
        var area = BoardNames.All[index];
        var slug = new string(area.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        // The short name starts booking references and certificate codes (at most 20 characters with their 10).
        var letters = new string(area.Where(char.IsAsciiLetter).Take(3).ToArray()).ToUpperInvariant();
        return (area, slug.Trim('-'), $"{letters}{index + 1:D3}");
    }

    public static string For(string template, int index)
    {
        var (area, slug, shortName) = Identity(index);
        var name = $"{area} Safeguarding Children Partnership";
        var source = JsonNode.Parse(template)!.AsObject();
        var steps = new JsonArray();
        foreach (var step in source["steps"]!.AsArray())
        {
            if (KeptSteps.Contains((string?)step!["step"]))
            {
                steps.Add(step.DeepClone());
            }
        }

        foreach (var news in steps.Where(s => (string?)s!["step"] == "content").SelectMany(s => s!["news"]?.AsArray() ?? []))
        {
            // News images come from the media step, which a seeded board does not run.
            news!.AsObject().Remove("image");
        }

        // Norfolk's names in every text, then the fields that must be exact.
        var text = new JsonObject { ["name"] = $"Scale: {name}", ["description"] = $"Seeded by seed-scale: {name}.", ["steps"] = steps }.ToJsonString()
            .Replace("Norfolk Safeguarding Children Board", name, StringComparison.Ordinal)
            .Replace("NSCB", shortName, StringComparison.Ordinal)
            .Replace("/norfolk/", $"/{slug}/", StringComparison.Ordinal)
            .Replace("norfolk.example", $"{slug}.example", StringComparison.Ordinal)
            .Replace("Norfolk", area, StringComparison.Ordinal);
        var recipe = JsonNode.Parse(text)!.AsObject();
        foreach (var step in recipe["steps"]!.AsArray())
        {
            switch ((string?)step!["step"])
            {
                case "board":
                    step["slug"] = slug;
                    step["name"] = name;
                    step["shortName"] = shortName;
                    break;
                case "theme":
                    // The two brand themes the app has, alternately.
                    step["name"] = index % 2 == 0 ? "Norfolk" : "Essex";
                    step["logoText"] = shortName;
                    break;
            }
        }

        return recipe.ToJsonString();
    }
}
