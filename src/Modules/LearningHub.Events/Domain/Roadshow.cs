using LearningHub.Core.Boards;

namespace LearningHub.Events.Domain;

/// <summary>A series of sessions (events) sharing a title and learning, held across localities and dates.</summary>
public class Roadshow : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    /// <summary>Stable key a recipe matches on; null for roadshows made on the coordinator pages.</summary>
    public string? Key { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Markdown, rendered with raw HTML disabled.</summary>
    public string Summary { get; set; } = "";

    public Guid? ThemeId { get; set; }

    public EventStatus Status { get; set; } = EventStatus.Draft;

    /// <summary>A media library image shown on the roadshow page and beside its sessions on the events list; null for none.</summary>
    public Guid? CoverImageId { get; set; }

    public DateTime CreatedUtc { get; set; }
}
