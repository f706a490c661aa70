using LearningHub.Core.Accounts;
using LearningHub.Core.Security;

namespace LearningHub.Media;

public sealed class MediaPermissions : IPermissionProvider
{
    /// <summary>Upload, replace and delete the board's images, and see where each is used.</summary>
    public const string ManageMedia = "media.manage";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageMedia, "Upload, replace and delete the board's images", [BoardRoles.Author, BoardRoles.Coordinator, BoardRoles.BoardAdmin]),
    ];
}
