using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Identity;

namespace LearningHub.Core.Accounts;

/// <summary>
/// A person's account on one board. Each board is a separate data controller, so an account belongs
/// to exactly one board: the same email may register on two boards as two accounts.
/// </summary>
public class ApplicationUser : IdentityUser, IBoardOwned
{
    public Guid BoardId { get; set; }

    public string FullName { get; set; } = "";

    public Guid? AgencyId { get; set; }

    public string? JobRole { get; set; }

    public Guid? LocalityId { get; set; }

    public string? LineManagerEmail { get; set; }

    public DateTime CreatedUtc { get; set; }
}
