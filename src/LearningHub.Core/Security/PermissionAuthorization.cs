using System.Collections.Concurrent;
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
    public async Task<bool> HasAsync(ClaimsPrincipal user, string permission) => (await HeldAsync(user)).Contains(permission);

    /// <summary>
    /// Every permission the user holds on the current board (none when signed out or on another board's page): for
    /// a page that asks about many at once, such as the navigation, which asked once per item on every page.
    /// </summary>
    public async Task<IReadOnlySet<string>> HeldAsync(ClaimsPrincipal user)
    {
        var board = boards.Current;
        if (board is null || user.Identity?.IsAuthenticated != true
            || user.FindFirstValue(LearningHubClaimTypes.BoardId) != board.Id.ToString())
        {
            return Grants.None;
        }

        return (await GrantsAsync(board.Id)).HeldBy(user.FindAll(ClaimTypes.Role).Select(role => role.Value));
    }

    /// <summary>The roles that hold the permission on the current board, in <see cref="BoardRoles.All"/>'s order: who can see what, for telling people.</summary>
    public async Task<IReadOnlyList<string>> RolesWithAsync(string permission)
    {
        var grants = await GrantsAsync(boards.Required.Id);
        return BoardRoles.All.Where(role => grants.Pairs.Contains((role, permission))).ToList();
    }

    public static string CacheKey(Guid boardId) => $"grants:{boardId}";

    private async Task<Grants> GrantsAsync(Guid boardId)
    {
        if (cache.TryGetValue(CacheKey(boardId), out Grants? grants) && grants is not null)
        {
            return grants;
        }

        var rows = await db.BoardRolePermissions.AsNoTracking()
            .Select(g => new { g.Role, g.Permission })
            .ToListAsync();
        grants = new Grants(rows.Select(g => (g.Role, g.Permission)).ToHashSet());
        cache.Set(CacheKey(boardId), grants, TimeSpan.FromMinutes(1));
        return grants;
    }

    /// <summary>A board's grants as read, with what each combination of roles holds worked out once (it goes when they are read again).</summary>
    private sealed class Grants(HashSet<(string Role, string Permission)> pairs)
    {
        public static readonly IReadOnlySet<string> None = new HashSet<string>();

        private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _byRoles = new();

        public HashSet<(string Role, string Permission)> Pairs => pairs;

        public IReadOnlySet<string> HeldBy(IEnumerable<string> roles)
        {
            var key = string.Join('\n', roles.Order(StringComparer.Ordinal));
            return _byRoles.GetOrAdd(key, static (key, pairs) =>
            {
                var held = key.Split('\n').ToHashSet(StringComparer.Ordinal);
                return pairs.Where(g => held.Contains(g.Role)).Select(g => g.Permission).ToHashSet(StringComparer.Ordinal);
            }, pairs);
        }
    }
}
