using LearningHub.Core.Accounts;
using LearningHub.Core.Security;

namespace LearningHub.Content;

public sealed class ContentPermissions : IPermissionProvider
{
    /// <summary>Write, preview and publish the board's pages, place them in the menu, and edit the home page and news.</summary>
    public const string ManagePages = "content.pages.manage";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManagePages, "Write and publish the board's pages, menu, home page and news", [BoardRoles.Author, BoardRoles.BoardAdmin]),
    ];
}
