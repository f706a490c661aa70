namespace LearningHub.Cases.Pages.Author;

/// <summary>A list of a version's chronology entries, findings or recommendations, with edit and delete for a draft.</summary>
/// <param name="Part">"chronology", "finding" or "recommendation": the delete handler's part and, capitalised, the edit page under <c>/Author</c>.</param>
public sealed record PartListView(string Part, string Noun, IReadOnlyList<(Guid Id, string Text)> Items, bool CanEdit, Guid ModuleId)
{
    /// <summary>The page that adds or edits one item (<c>/Author/Chronology</c>, <c>/Author/Finding</c>, <c>/Author/Recommendation</c>).</summary>
    public string Page => $"/Author/{char.ToUpperInvariant(Part[0])}{Part[1..]}";
}
