using System.Security.Claims;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LearningHub.Core.Security;

/// <summary>Requires that one of the user's roles on the current board has been granted a permission.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Turns <c>[Authorize(Policy = "reports.view")]</c> into a permission check for any declared permission.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionCatalog catalog)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (catalog.Exists(policyName))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(policyName))
                .Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}

public sealed class PermissionHandler(BoardPermissions permissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await permissions.HasAsync(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Answers "may this user do this here?" for the current board.</summary>
public sealed class BoardPermissions(LearningHubDbContext db, BoardContext boards, IMemoryCache cache)
{
    public async Task<bool> HasAsync(ClaimsPrincipal user, string permission)
    {
        var board = boards.Current;
        if (board is null || user.Identity?.IsAuthenticated != true
            || user.FindFirstValue(LearningHubClaimTypes.BoardId) != board.Id.ToString())
        {
            return false;
        }

        var grants = await GrantsAsync(board.Id);
        return user.FindAll(ClaimTypes.Role).Any(role => grants.Contains((role.Value, permission)));
    }

    /// <summary>The roles that hold the permission on the current board, in <see cref="BoardRoles.All"/>'s order: who can see what, for telling people.</summary>
    public async Task<IReadOnlyList<string>> RolesWithAsync(string permission)
    {
        var grants = await GrantsAsync(boards.Required.Id);
        return BoardRoles.All.Where(role => grants.Contains((role, permission))).ToList();
    }

    public static string CacheKey(Guid boardId) => $"grants:{boardId}";

    private async Task<HashSet<(string Role, string Permission)>> GrantsAsync(Guid boardId)
    {
        if (cache.TryGetValue(CacheKey(boardId), out HashSet<(string, string)>? grants) && grants is not null)
        {
            return grants;
        }

        var rows = await db.BoardRolePermissions.AsNoTracking()
            .Select(g => new { g.Role, g.Permission })
            .ToListAsync();
        grants = rows.Select(g => (g.Role, g.Permission)).ToHashSet();
        cache.Set(CacheKey(boardId), grants, TimeSpan.FromMinutes(1));
        return grants;
    }
}
