using LearningHub.Core.Boards;
using LearningHub.Core.Pages;

namespace LearningHub.Notifications.Domain;

/// <summary>
/// The secret in a person's private calendar feed address. Only its hash is stored; making a new
/// address revokes the old one.
/// </summary>
public class CalendarFeedToken : IBoardOwned, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public required string UserId { get; set; }

    /// <summary>SHA-256 of the token, hex: the token itself is shown once and never stored.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }
}
