using LearningHub.Core.Navigation;

namespace LearningHub.Media;

public sealed class MediaNavigation : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() => [new("Images", "manage/media", 920, MediaPermissions.ManageMedia)];
}
