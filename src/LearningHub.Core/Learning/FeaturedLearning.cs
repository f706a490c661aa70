namespace LearningHub.Core.Learning;

/// <summary>
/// Something the home page can feature: a published case module or an upcoming event. <see cref="Key"/> is stable
/// (a module's slug, an event's id) so a board's choice survives edits; <see cref="Page"/> and <see cref="Route"/>
/// are the Razor page that shows it and its route values.
/// </summary>
public sealed record FeaturedItem(string Key, string Title, string? Detail, string Page, IReadOnlyDictionary<string, string> Route);

/// <summary>
/// The featurable learning of one kind (Cases: modules, Events: events), implemented by that module so the home
/// page's module (Content) references neither. Queries are the current board's.
/// </summary>
public interface IFeaturedLearning
{
    /// <summary>"modules" or "events": which home page block the items belong to.</summary>
    string Kind { get; }

    /// <summary>Every item that may be featured now, newest first (the newest are the "latest").</summary>
    Task<IReadOnlyList<FeaturedItem>> AvailableAsync(CancellationToken cancellationToken = default);
}
