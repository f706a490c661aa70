using LearningHub.Core.Navigation;
using LearningHub.Core.Security;

namespace LearningHub.Web.Hosting;

/// <summary>The host's own links in the board navigation.</summary>
public sealed class HostNavigation : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("Home", "", 0),
        new("Reports", "manage", 900, CorePermissions.ViewReports),
        new("People", "admin/people", 940, CorePermissions.ManageAccounts),
        new("Agencies", "admin/agencies", 950, CorePermissions.ManageTaxonomies),
        new("Sign-in", "admin/sign-in", 960, CorePermissions.ManageAccounts),
        new("Settings", "admin/settings", 970, CorePermissions.ManageAccounts),
        new("Data retention", "admin/retention", 980, CorePermissions.ManageAccounts),
        new("Audit log", "admin/audit", 990, CorePermissions.ViewAudit),
    ];
}
