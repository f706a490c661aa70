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
