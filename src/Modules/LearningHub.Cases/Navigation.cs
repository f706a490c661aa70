using LearningHub.Core.Navigation;

namespace LearningHub.Cases;

public sealed class CasesNavigation : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("Learning modules", "modules", 100),
        new("My learning", "my-learning", 110, SignedInOnly: true),
        new("Recommendations", "recommendations", 700, CasesPermissions.TrackRecommendations),
        new("Author modules", "author/modules", 710, CasesPermissions.Author),
    ];
}
