using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Core.Boards;

/// <summary>
/// Finds boards by slug for every request; cached because the list changes only through recipes. The scope's
/// DbContext is rented from the pool only when the list must be read, not by every request that resolves a board.
/// </summary>
public sealed class BoardDirectory(IServiceProvider services, IMemoryCache cache)
{
    private const string CacheKey = "boards:all";

    public async Task<IReadOnlyList<BoardInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey, out IReadOnlyList<BoardInfo>? boards) && boards is not null)
        {
            return boards;
        }

        var rows = await services.GetRequiredService<LearningHubDbContext>().Boards.AsNoTracking().OrderBy(b => b.Name).ToListAsync(cancellationToken);
        boards = rows.Select(BoardInfo.From).ToList();
        cache.Set(CacheKey, boards, TimeSpan.FromMinutes(5));
        return boards;
    }

    public async Task<BoardInfo?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var boards = await ListAsync(cancellationToken);
        return boards.FirstOrDefault(b => string.Equals(b.Slug, slug, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Called after anything changes a board so the next request sees it.</summary>
    public void Invalidate() => cache.Remove(CacheKey);
}
