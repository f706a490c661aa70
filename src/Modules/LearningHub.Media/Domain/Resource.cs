using LearningHub.Core.Boards;
using LearningHub.Core.Recipes;

namespace LearningHub.Media.Domain;

/// <summary>The document types the resources library takes, each recognised by its bytes, not its name.</summary>
public enum ResourceKind
{
    Pdf,
    Word,
    PowerPoint,
}

/// <summary>
/// A document in a board's resources library (a briefing, a 7-minute guide, slides), or, without a file, a
/// description of one with a link to where its learning is (a case module that teaches it). The file is stored
/// like media, under the board's folder and named by <see cref="ContentHash"/>, so a replaced file gets a new name.
/// </summary>
public class Resource : IBoardOwned, IEditedSinceRecipe
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    /// <summary>
    /// The date the document carries (published, or last revised), shown as its month and year; null when a recipe
    /// describes a document whose date is not known, rather than inventing one.
    /// </summary>
    public DateOnly? PublishedOn { get; set; }

    /// <summary>The stored file's kind; null when the resource is a description with a link and no file.</summary>
    public ResourceKind? Kind { get; set; }

    /// <summary>SHA-256 of the file, lower-case hex; null without a file.</summary>
    public string? ContentHash { get; set; }

    /// <summary>The uploaded file's name, offered again as the download's name.</summary>
    public string? FileName { get; set; }

    public long ByteSize { get; set; }

    /// <summary>Where the learning is, as a path within the board (<c>/modules/child-v</c>); shown as a link.</summary>
    public string? LinkPath { get; set; }

    public required string CreatedByName { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>The key a recipe's resources step gave it, matched when the recipe is applied again.</summary>
    public string? RecipeKey { get; set; }

    public DateTime? EditedSinceRecipeUtc { get; set; }

    public List<ResourceTheme> Themes { get; set; } = [];
}

/// <summary>One of the board's learning themes a resource is about.</summary>
public class ResourceTheme : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid ResourceId { get; set; }

    public Guid ThemeId { get; set; }
}
