namespace LearningHub.Cases.Pages.Author;

/// <summary>A list of a version's chronology entries, findings or recommendations, with edit and delete for a draft.</summary>
public sealed record PartListView(string Part, string Noun, IReadOnlyList<(Guid Id, string Text)> Items, bool CanEdit, string BaseUrl);
