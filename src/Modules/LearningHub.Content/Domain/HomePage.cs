using LearningHub.Core.Boards;
using LearningHub.Core.Recipes;

namespace LearningHub.Content.Domain;

/// <summary>How a home page block picks what it shows.</summary>
public enum FeatureChoice
{
    /// <summary>The newest (modules) or soonest (events) few.</summary>
    Latest,

    /// <summary>The ones the board chose, in the order chosen.</summary>
    Chosen,

    /// <summary>The block is not shown.</summary>
    None,
}

/// <summary>
/// The board's home page blocks that are not lists of their own: the introduction and which modules and events it
/// features. One row per board, made when the board (or its recipe) first sets the home page.
/// </summary>
public class HomePageBlocks : IBoardOwned, IEditedSinceRecipe
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    /// <summary>Markdown, rendered with raw HTML off.</summary>
    public string? Introduction { get; set; }

    public FeatureChoice Modules { get; set; }

    /// <summary>The chosen modules' slugs, one a line, when <see cref="Modules"/> is <see cref="FeatureChoice.Chosen"/>.</summary>
    public string ChosenModules { get; set; } = "";

    public FeatureChoice Events { get; set; }

    /// <summary>The chosen events' ids, one a line, when <see cref="Events"/> is <see cref="FeatureChoice.Chosen"/>.</summary>
    public string ChosenEvents { get; set; } = "";

    public DateTime? EditedSinceRecipeUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A link in the home page's quick links: text and an http(s) or site-relative address.</summary>
public class QuickLink : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public string Text { get; set; } = "";

    public string Url { get; set; } = "";

    public int Position { get; set; }

    /// <summary>
    /// Only http, https and addresses on this site (<c>/norfolk/events</c>): a quick link is a plain
    /// <c>href</c>, so <c>javascript:</c> or <c>data:</c> must never get in, and <c>//host</c> is another site.
    /// </summary>
    public static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return false;
        }

        if (url.StartsWith('/'))
        {
            return !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
    }
}

/// <summary>A news item on the home page and the news page until it expires.</summary>
public class NewsItem : IBoardOwned, IEditedSinceRecipe
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The news's date as the board gives it (UK date).</summary>
    public DateOnly Date { get; set; }

    /// <summary>Markdown, rendered with raw HTML off.</summary>
    public string Text { get; set; } = "";

    /// <summary>An image from the board's media library, or none.</summary>
    public Guid? ImageId { get; set; }

    /// <summary>The last day (UK date) the item is shown; null to show it until removed.</summary>
    public DateOnly? ExpiresOn { get; set; }

    public string? RecipeKey { get; set; }

    public DateTime? EditedSinceRecipeUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Shown on the given UK day: not expired before it.</summary>
    public static System.Linq.Expressions.Expression<Func<NewsItem, bool>> CurrentOn(DateOnly today) =>
        n => n.ExpiresOn == null || n.ExpiresOn >= today;

    /// <summary>The same rule as <see cref="CurrentOn"/> for an item in memory (compiling the expression per request costs more than the page).</summary>
    public bool IsCurrentOn(DateOnly today) => ExpiresOn == null || ExpiresOn >= today;
}
