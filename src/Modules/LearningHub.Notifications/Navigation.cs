using LearningHub.Core.Navigation;

namespace LearningHub.Notifications;

public sealed class NotificationsNavigation : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() => [new("Mail", "admin/mail", 960, NotificationsPermissions.ManageMail)];
}
