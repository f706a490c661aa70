using LearningHub.Core.Accounts;

namespace LearningHub.Core.Security;

/// <summary>Permissions of the shared kernel and host pages.</summary>
public sealed class CorePermissions : IPermissionProvider
{
    /// <summary>See the board's staff dashboard: registrations and reach by agency and sector.</summary>
    public const string ViewReports = "reports.view";

    /// <summary>Change the board's lists: agencies, localities, themes, topics.</summary>
    public const string ManageTaxonomies = "taxonomies.manage";

    /// <summary>See the board's accounts (personal data) and change their roles.</summary>
    public const string ManageAccounts = "accounts.manage";

    /// <summary>Search the board's audit log: who did what, when, to what.</summary>
    public const string ViewAudit = "audit.view";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageAccounts, "See people's accounts and change their roles", [BoardRoles.BoardAdmin]),
        new(ViewReports, "See the board's reach reports", [BoardRoles.Coordinator, BoardRoles.BoardAdmin]),
        new(ManageTaxonomies, "Manage agencies, localities, themes and topics", [BoardRoles.BoardAdmin]),
        new(ViewAudit, "Search the board's audit log", [BoardRoles.BoardAdmin]),
    ];
}
