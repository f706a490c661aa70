using LearningHub.Core.Boards;

namespace LearningHub.Notifications.Domain;

/// <summary>A board's own wording of one mail; without one, the default shipped with the site is used.</summary>
public class BoardMailTemplate : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    /// <summary>The template's key in the catalog, e.g. <c>accounts.confirm-email</c>.</summary>
    public required string Key { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
