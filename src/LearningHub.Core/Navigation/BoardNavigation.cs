using System.Security.Claims;
using LearningHub.Core.Security;

namespace LearningHub.Core.Navigation;

/// <summary>The navigation a given user sees on the current board.</summary>
public sealed class BoardNavigation(IEnumerable<INavigationProvider> providers, BoardPermissions permissions)
{
    public async Task<IReadOnlyList<NavigationItem>> ForAsync(ClaimsPrincipal user)
    {
        var signedIn = user.Identity?.IsAuthenticated == true;
        var held = await permissions.HeldAsync(user);
        var visible = new List<NavigationItem>();
        foreach (var item in providers.SelectMany(p => p.GetItems()).OrderBy(i => i.Order))
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
