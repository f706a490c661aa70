namespace LearningHub.Core.Navigation;

/// <summary>
/// A link in a board's navigation bar. <see cref="Path"/> is relative to the board (<c>manage</c> for
/// <c>/norfolk/manage</c>); the link shows only to users with <see cref="Permission"/> when one is set.
/// </summary>
public sealed record NavigationItem(string Text, string Path, int Order, string? Permission = null, bool SignedInOnly = false);

/// <summary>Registered by each module that adds links to the board navigation.</summary>
public interface INavigationProvider
{
    IEnumerable<NavigationItem> GetItems();
}

/// <summary>
/// Links a board chooses for itself (Content: its pages placed in the menu), read per request for the current
/// board. Registered scoped; the items' <see cref="NavigationItem.Order"/> places them among the modules' links.
/// </summary>
public interface IBoardNavigationSource
{
    Task<IReadOnlyList<NavigationItem>> ItemsAsync(CancellationToken cancellationToken = default);
}
