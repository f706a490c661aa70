namespace LearningHub.Cases.Pages.Author;

/// <summary>One chronology entry, finding or recommendation in the list: its text and what its links are called ("finding 2", "recommendation 3a").</summary>
public sealed record PartListItem(Guid Id, string Text, string Name);

/// <summary>A list of a version's chronology entries, findings or recommendations, with edit and delete for a draft.</summary>
/// <param name="Part">"chronology", "finding" or "recommendation": the delete page's part and, capitalised, the edit page under <c>/Author</c>.</param>
/// <param name="Numbered">Whether the list numbers its items; recommendations carry the review's own numbers instead.</param>
public sealed record PartListView(string Part, string Noun, IReadOnlyList<PartListItem> Items, bool CanEdit, Guid ModuleId, bool Numbered = true)
{
    /// <summary>The page that adds or edits one item (<c>/Author/Chronology</c>, <c>/Author/Finding</c>, <c>/Author/Recommendation</c>).</summary>
    public string Page => $"/Author/{char.ToUpperInvariant(Part[0])}{Part[1..]}";
}
