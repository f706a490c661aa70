namespace LearningHub.Core.Learning;

/// <summary>A recommendation, as other modules name it: its case module's key (slug) and its number there ("2a").</summary>
public sealed record RecommendationRef(string ModuleKey, string Number);

/// <summary>A published case module that learning can be linked to, with its recommendations (number and text).</summary>
public sealed record LinkableModule(string Key, string Title, IReadOnlyList<(string Number, string Text)> Recommendations);

/// <summary>
/// The case modules and recommendations a coordinator can link events to. Implemented by Cases, used by Events'
/// edit page, so neither module references the other.
/// </summary>
public interface ILinkableLearning
{
    Task<IReadOnlyList<LinkableModule>> PublishedModulesAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// A piece of learning that answers a recommendation, for the recommendation's page: what it is ("Event",
/// "Roadshow", "Evaluation form"), its title, a line about it, and the page that shows it (a Razor page path and
/// its route values), when the reader may open one.
/// </summary>
public sealed record AnsweringLearning(string Kind, string Title, string? Detail, string? Page, IReadOnlyDictionary<string, string>? Route);

/// <summary>Learning another module links to a recommendation (Events: events, roadshows and their forms).</summary>
public interface IRecommendationAnswers
{
    Task<IReadOnlyList<AnsweringLearning>> ForAsync(RecommendationRef recommendation, CancellationToken cancellationToken = default);
}
