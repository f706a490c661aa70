using LearningHub.Core.Learning;

namespace LearningHub.Events.Pages.Events.Manage;

/// <summary>A case module offered on the edit page, with its recommendations; <see cref="Published"/> is false for a link kept from before that names no published module.</summary>
public sealed record ModuleChoice(string Key, string Title, bool Published, IReadOnlyList<(string Value, string Label)> Recommendations);

/// <summary>
/// What the edit page offers to link an event to: the board's published case modules and their recommendations
/// (from Cases, through <see cref="ILinkableLearning"/>), and any link the event already has that is not among them,
/// so saving the page never drops a link nobody unticked.
/// </summary>
public sealed class LinkChoices
{
    public static LinkChoices None { get; } = new([]);

    private LinkChoices(IReadOnlyList<ModuleChoice> modules) => Modules = modules;

    public IReadOnlyList<ModuleChoice> Modules { get; }

    /// <summary>How a recommendation is posted by its checkbox: module key and number, which neither contains a '|'.</summary>
    public static string RecommendationValue(RecommendationRef r) => $"{r.ModuleKey}|{r.Number}";

    public static RecommendationRef? RecommendationFrom(string value) =>
        value.Split('|') is [var module, var number] && module.Length > 0 && number.Length > 0 ? new RecommendationRef(module, number) : null;

    public bool HasModule(string key) => Modules.Any(m => m.Key == key);

    public bool HasRecommendation(string value) => Modules.Any(m => m.Recommendations.Any(r => r.Value == value));

    public static async Task<LinkChoices> LoadAsync(IEnumerable<ILinkableLearning> sources, IReadOnlyList<string> currentModules,
        IReadOnlyList<RecommendationRef> currentRecommendations, CancellationToken cancellationToken)
    {
        var modules = new List<ModuleChoice>();
        foreach (var source in sources)
        {
            foreach (var m in await source.PublishedModulesAsync(cancellationToken))
            {
                var offered = m.Recommendations.Select(r => (RecommendationValue(new RecommendationRef(m.Key, r.Number)), $"{r.Number}: {Shorten(r.Text)}")).ToList();
                offered.AddRange(currentRecommendations.Where(c => c.ModuleKey == m.Key && m.Recommendations.All(r => r.Number != c.Number))
                    .Select(c => (RecommendationValue(c), $"{c.Number} (no longer in the published module)")));
                modules.Add(new ModuleChoice(m.Key, m.Title, true, offered));
            }
        }

        var kept = currentModules.Concat(currentRecommendations.Select(r => r.ModuleKey)).Distinct().Where(k => modules.All(m => m.Key != k));
        foreach (var key in kept)
        {
            modules.Add(new ModuleChoice(key, key, false,
                currentRecommendations.Where(r => r.ModuleKey == key).Select(r => (RecommendationValue(r), r.Number)).ToList()));
        }

        return new LinkChoices(modules);
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117).TrimEnd(), "…");
}
