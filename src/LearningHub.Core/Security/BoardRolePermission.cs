using LearningHub.Core.Boards;

namespace LearningHub.Core.Security;

/// <summary>A permission granted to a role on one board.</summary>
public class BoardRolePermission : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public required string Role { get; set; }

    public required string Permission { get; set; }
}
