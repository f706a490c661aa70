using LearningHub.Core.Navigation;

namespace LearningHub.Forms;

public sealed class FormsNavigation : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() => [new("Forms", "admin/forms", 700, FormsPermissions.Manage)];
}
