namespace LearningHub.Core.Security;

/// <summary>
/// A named thing a role may do on a board (<c>reports.view</c>). Modules declare theirs with the roles
/// that get them by default; a board's recipe may grant them differently.
/// </summary>
public sealed record Permission(string Name, string Description, IReadOnlyList<string> DefaultRoles);

/// <summary>Implemented once per module (its Permissions.cs) and registered in DI.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();
}
