namespace LearningHub.Core.Data;

/// <summary>A record that a recipe was applied: which file, its content hash, when, and for which board.</summary>
public class RecipeRun
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string RecipeName { get; set; }

    public required string FileName { get; set; }

    public required string ContentHash { get; set; }

    public Guid? BoardId { get; set; }

    public DateTime AppliedUtc { get; set; }
}
