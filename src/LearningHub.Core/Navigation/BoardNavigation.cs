using System.Security.Claims;
using LearningHub.Core.Security;

namespace LearningHub.Core.Navigation;

/// <summary>The navigation a given user sees on the current board.</summary>
public sealed class BoardNavigation(IEnumerable<INavigationProvider> providers, IEnumerable<IBoardNavigationSource> boardSources, BoardPermissions permissions)
{
    public async Task<IReadOnlyList<NavigationItem>> ForAsync(ClaimsPrincipal user)
    {
        var signedIn = user.Identity?.IsAuthenticated == true;
        var held = await permissions.HeldAsync(user);
        var visible = new List<NavigationItem>();
        var items = providers.SelectMany(p => p.GetItems()).ToList();
        foreach (var source in boardSources)
        {
            items.AddRange(await source.ItemsAsync());
        }

        foreach (var item in items.OrderBy(i => i.Order))
        {
            if ((item.SignedInOnly || item.Permission is not null) && !signedIn)
            {
                continue;
            }

            if (item.Permission is null || held.Contains(item.Permission))
            {
                visible.Add(item);
            }
        }

        return visible;
    }
}
