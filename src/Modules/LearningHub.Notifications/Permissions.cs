using LearningHub.Core.Accounts;
using LearningHub.Core.Security;

namespace LearningHub.Notifications;

public sealed class NotificationsPermissions : IPermissionProvider
{
    /// <summary>Set the board's mail server and templates, see sent and failed mail, resend.</summary>
    public const string ManageMail = "mail.manage";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageMail, "Manage mail settings and templates, and see the mail the board sent", [BoardRoles.BoardAdmin]),
    ];
}
