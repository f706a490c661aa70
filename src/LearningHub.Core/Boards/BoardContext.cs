namespace LearningHub.Core.Boards;

/// <summary>
/// The board the current unit of work (a request, a recipe, a background job) acts for. Scoped: one
/// per request. Everything board-owned is read and written through it.
/// </summary>
public sealed class BoardContext
{
    public BoardInfo? Current { get; private set; }

    public Guid? BoardId => Current?.Id;

    public BoardInfo Required => Current ?? throw new InvalidOperationException("No board is selected for this operation.");

    public void Use(BoardInfo board) => Current = board;

    public void Clear() => Current = null;
}

/// <summary>
/// Something a module keeps in memory per board (Content: its menu and home page). The recipe executor calls
/// every one after a recipe is applied, so the next request reads what the recipe wrote.
/// </summary>
public interface IBoardCachedData
{
    void Forget(Guid boardId);
}
