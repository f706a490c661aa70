namespace LearningHub.Core.Boards;

/// <summary>
/// A row that belongs to one board. The DbContext filters every query on these to the current board
/// and stamps <see cref="BoardId"/> on insert, so module code never has to remember to.
/// </summary>
public interface IBoardOwned
{
    Guid BoardId { get; set; }
}
