using LearningHub.Core.Accounts;
using LearningHub.Core.Security;

namespace LearningHub.Forms;

public sealed class FormsPermissions : IPermissionProvider
{
    /// <summary>Create and edit forms and their questions.</summary>
    public const string Manage = "forms.manage";

    /// <summary>See results and export answers.</summary>
    public const string Results = "forms.results";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(Manage, "Create and edit forms, reflective questions and evaluations", [BoardRoles.Author, BoardRoles.Coordinator, BoardRoles.BoardAdmin]),
        new(Results, "See form results and export answers", [BoardRoles.Author, BoardRoles.Coordinator, BoardRoles.BoardAdmin]),
    ];
}
