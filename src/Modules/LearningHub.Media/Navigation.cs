using LearningHub.Core.Navigation;

namespace LearningHub.Media;

public sealed class MediaNavigation : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("Resources", "resources", 120),
        new("Images", "manage/media", 920, MediaPermissions.ManageMedia),
    ];
}
