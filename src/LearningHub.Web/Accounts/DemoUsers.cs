using LearningHub.Core;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningHub.Web.Accounts;

/// <summary>
/// Demo accounts for trying a board (<c>practitioner@norfolk.demo</c> ...), created only when
/// <c>LearningHub:SeedDemoUsers</c> is true (Development by default).
/// </summary>
public sealed class DemoUsers(
    LearningHubDbContext db,
    BoardContext boards,
    UserManager<ApplicationUser> users,
    IPasswordHasher<ApplicationUser> hasher,
    IOptions<LearningHubOptions> options,
    ILogger<DemoUsers> logger)
{
    // Hashing is deliberately slow (PBKDF2); a board's demo accounts share one password, so it is hashed once per board.
    private string? _passwordHash;

    private static readonly (string Local, string Name, string Role)[] Accounts =
    [
        ("practitioner", "Pat Practitioner", BoardRoles.Practitioner),
        ("coordinator", "Chris Coordinator", BoardRoles.Coordinator),
        ("author", "Alex Author", BoardRoles.Author),
        ("admin", "Ash Admin", BoardRoles.BoardAdmin),
        // The board's first agency (as every demo account), so the lead's page has an agency to show.
        ("lead", "Lee Lead", BoardRoles.AgencyLead),
    ];

    public async Task EnsureAsync(BoardInfo board)
    {
        boards.Use(board);
        var agency = await db.Agencies.OrderBy(a => a.SortOrder).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
        var locality = await db.Localities.OrderBy(l => l.SortOrder).Select(l => (Guid?)l.Id).FirstOrDefaultAsync();
        foreach (var (local, name, role) in Accounts)
        {
            var email = $"{local}@{board.Slug}.demo";
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = name,
                JobRole = role == BoardRoles.Practitioner ? "Family support worker" : BoardRoles.DisplayName(role),
                AgencyId = agency,
                LocalityId = locality,
                CreatedUtc = DateTime.UtcNow,
            };
            user.PasswordHash = _passwordHash ??= hasher.HashPassword(user, options.Value.DemoPassword);
            Check(await users.CreateAsync(user), email);
            // Staff can also book and learn, so every demo account is a practitioner too.
            Check(await users.AddToRolesAsync(user, role == BoardRoles.Practitioner ? [role] : [BoardRoles.Practitioner, role]), email);
            logger.LogInformation("Created demo account {Email}", email);
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
