using LearningHub.Content.Services;
using LearningHub.Core.Navigation;

namespace LearningHub.Content;

public sealed class ContentNavigation : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("News", "news", 150),
        new("Site content", "manage/pages", 900, ContentPermissions.ManagePages),
    ];
}

/// <summary>
/// The board's published pages it placed in its menu, in the board's order, after the modules' public links
/// (orders from <see cref="FirstOrder"/>) and before the links for staff.
/// </summary>
public sealed class PagesInMenu(SiteContent site) : IBoardNavigationSource
{
    public const int FirstOrder = 200;

    public async Task<IReadOnlyList<NavigationItem>> ItemsAsync(CancellationToken cancellationToken = default) =>
        (await site.GetAsync(cancellationToken)).Menu;
}
