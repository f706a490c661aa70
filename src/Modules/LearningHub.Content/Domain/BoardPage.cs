using LearningHub.Core.Boards;
using LearningHub.Core.Recipes;

namespace LearningHub.Content.Domain;

/// <summary>
/// A page a board writes (About, a 7-minute guide, how to contact the board), at <c>/{board}/pages/{slug}</c>.
/// Its words are in versions: at most one draft being written and one published version shown; earlier
/// published versions are kept so anyone managing the site can see what changed. <see cref="MenuPosition"/>
/// places the published page in the board's menu (lowest first); null keeps it out.
/// </summary>
public class BoardPage : IBoardOwned, IEditedSinceRecipe
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    /// <summary>
    /// The page's address within the board, unique per board: the published version's (<see cref="BoardPageVersion.Slug"/>),
    /// or the draft's while the page has never been published, so a draft's new address waits for publishing.
    /// </summary>
    public string Slug { get; set; } = "";

    public Guid? PublishedVersionId { get; set; }

    /// <summary>The version being written, not yet published; null when there is none.</summary>
    public Guid? DraftVersionId { get; set; }

    /// <summary>The page's place in the board's menu, lowest first; null when it is not in the menu.</summary>
    public int? MenuPosition { get; set; }

    /// <summary>The key of the recipe entry that created the page, so applying the recipe again finds it.</summary>
    public string? RecipeKey { get; set; }

    public DateTime? EditedSinceRecipeUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public List<BoardPageVersion> Versions { get; set; } = [];
}

public enum PageVersionState
{
    Draft,
    Published,

    /// <summary>Published once, then replaced by a later version.</summary>
    Superseded,
}

/// <summary>One version of a board page's words. Numbers count up from 1 per page.</summary>
public class BoardPageVersion : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid PageId { get; set; }

    public int Number { get; set; }

    public PageVersionState State { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The address this version is written for; the page moves to it when the version is published.</summary>
    public string Slug { get; set; } = "";

    /// <summary>One or two sentences shown under the title and in search results.</summary>
    public string? Summary { get; set; }

    /// <summary>Markdown, rendered with raw HTML off (Core's <c>SafeMarkdown</c>).</summary>
    public string Body { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    /// <summary>Who last saved this version ("Recipe" for one a recipe wrote).</summary>
    public string EditedByName { get; set; } = "";

    public DateTime? PublishedUtc { get; set; }
}
