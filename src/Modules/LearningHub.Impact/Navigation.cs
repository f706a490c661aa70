using LearningHub.Core.Navigation;

namespace LearningHub.Impact;

/// <summary>"Impact" for those who see the whole board's figures; "Impact for your agency" for agency safeguarding leads.</summary>
public sealed class ImpactNavigation : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("Impact", "impact", 720, ImpactPermissions.ViewImpact),
        new("Impact for your agency", "impact/agency", 721, ImpactPermissions.ViewAgencyImpact),
    ];
}
