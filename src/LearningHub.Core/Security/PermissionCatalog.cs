namespace LearningHub.Core.Security;

/// <summary>Every permission the installed modules declare.</summary>
public sealed class PermissionCatalog(IEnumerable<IPermissionProvider> providers)
{
    private readonly Dictionary<string, Permission> _permissions = providers
        .SelectMany(p => p.GetPermissions())
        .ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<Permission> All => _permissions.Values;

    public bool Exists(string name) => _permissions.ContainsKey(name);

    /// <summary>The default grants, role to permissions, used when a board is created.</summary>
    public IEnumerable<(string Role, string Permission)> DefaultGrants() =>
        _permissions.Values.SelectMany(p => p.DefaultRoles.Select(role => (role, p.Name)));
}
