using LearningHub.Core.Accounts;
using LearningHub.Core.Security;
using LearningHub.Core.Recipes;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Recipes.Steps;

/// <summary>
/// <c>{ "step": "roles", "roles": [ { "name": "Coordinator", "permissions": ["reports.view"] } ] }</c>:
/// sets exactly which permissions each listed role has on the board. Roles not listed keep theirs.
/// </summary>
public sealed class RolesStep : IRecipeStepHandler
{
    public string StepName => "roles";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var catalog = context.Services.GetRequiredService<PermissionCatalog>();
        var grants = await context.Db.BoardRolePermissions.ToListAsync(cancellationToken);

        foreach (var item in context.Step.Objects("roles", required: true))
        {
            var role = item.String("name", 40);
            if (!BoardRoles.All.Contains(role))
            {
                throw item.Fail("name", $"'{role}' is not a role. Roles: {string.Join(", ", BoardRoles.All)}.");
            }

            var wanted = item.Strings("permissions").ToHashSet(StringComparer.Ordinal);
            if (wanted.FirstOrDefault(p => !catalog.Exists(p)) is { } unknown)
            {
                throw item.Fail("permissions", $"'{unknown}' is not a permission. Permissions: {string.Join(", ", catalog.All.Select(p => p.Name).Order())}.");
            }

            var current = grants.Where(g => g.Role == role).ToList();
            context.Db.BoardRolePermissions.RemoveRange(current.Where(g => !wanted.Contains(g.Permission)));
            foreach (var permission in wanted.Where(p => current.All(g => g.Permission != p)))
            {
                context.Db.BoardRolePermissions.Add(new BoardRolePermission { Role = role, Permission = permission });
            }
        }
    }
}
