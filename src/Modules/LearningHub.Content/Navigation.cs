using LearningHub.Content.Domain;
using LearningHub.Core.Data;
using LearningHub.Core.Navigation;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Content;

public sealed class ContentNavigation : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("News", "news", 150),
        new("Site content", "manage/pages", 720, ContentPermissions.ManagePages),
    ];
}

/// <summary>
/// The board's published pages it placed in its menu, in the board's order, after the modules' public links
/// (orders from <see cref="FirstOrder"/>) and before the links for staff.
/// </summary>
public sealed class PagesInMenu(LearningHubDbContext db) : IBoardNavigationSource
{
    public const int FirstOrder = 200;

    public async Task<IReadOnlyList<NavigationItem>> ItemsAsync(CancellationToken cancellationToken = default)
    {
        var pages = await db.Set<BoardPage>().AsNoTracking()
            .Where(p => p.MenuPosition != null && p.PublishedVersionId != null)
            .Join(db.Set<BoardPageVersion>(), p => p.PublishedVersionId, v => v.Id, (p, v) => new { Address = p.Slug, p.MenuPosition, v.Title })
            .ToListAsync(cancellationToken);
        return pages.OrderBy(p => p.MenuPosition).ThenBy(p => p.Title)
            // A path within the board, as every navigation item's is (the layout puts the board in front).
            .Select((p, i) => new NavigationItem(p.Title, $"pages/{p.Address}", FirstOrder + i))
            .ToList();
    }
}
