using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace LearningHub.Core.Taxonomies;

/// <summary>A term as pages list and name it: its id, recipe key, name and (themes) description.</summary>
public sealed record TermChoice(Guid Id, string Key, string Name, string? Description = null);

/// <summary>
/// The current board's learning themes and topics in display order, and their names by id, for the
/// pages that list or name them on every request. Cached per board because they change only through
/// recipes: the recipe executor calls <see cref="Invalidate"/> after applying one, and a recipe applied
/// by another process (the <c>recipes apply</c> command, another node) shows within five minutes, as
/// boards do in <see cref="BoardDirectory"/>.
/// </summary>
public sealed class BoardTerms(LearningHubDbContext db, BoardContext boards, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<TermChoice>> ThemesAsync(CancellationToken cancellationToken = default) =>
        (await ListsAsync(cancellationToken)).Themes;

    public async Task<IReadOnlyList<TermChoice>> TopicsAsync(CancellationToken cancellationToken = default) =>
        (await ListsAsync(cancellationToken)).Topics;

    public async Task<IReadOnlyDictionary<Guid, string>> ThemeNamesAsync(CancellationToken cancellationToken = default) =>
        (await ListsAsync(cancellationToken)).ThemeNames;

    public async Task<IReadOnlyDictionary<Guid, string>> TopicNamesAsync(CancellationToken cancellationToken = default) =>
        (await ListsAsync(cancellationToken)).TopicNames;

    /// <summary>Called after anything changes a board's themes or topics so the next request sees them.</summary>
    public static void Invalidate(IMemoryCache cache, Guid boardId) => cache.Remove(CacheKey(boardId));

    private static string CacheKey(Guid boardId) => $"terms:{boardId}";

    private async Task<Lists> ListsAsync(CancellationToken cancellationToken)
    {
        var boardId = boards.BoardId ?? throw new InvalidOperationException("Themes and topics are read for a board's request.");
        if (cache.TryGetValue(CacheKey(boardId), out Lists? lists) && lists is not null)
        {
            return lists;
        }

        var themes = await db.LearningThemes.AsNoTracking().OrderBy(t => t.SortOrder)
            .Select(t => new TermChoice(t.Id, t.Key, t.Name, t.Description)).ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.SortOrder)
            .Select(t => new TermChoice(t.Id, t.Key, t.Name, null)).ToListAsync(cancellationToken);
        lists = new Lists(themes, topics, themes.ToDictionary(t => t.Id, t => t.Name), topics.ToDictionary(t => t.Id, t => t.Name));
        cache.Set(CacheKey(boardId), lists, Lifetime);
        return lists;
    }

    private sealed record Lists(IReadOnlyList<TermChoice> Themes, IReadOnlyList<TermChoice> Topics,
        IReadOnlyDictionary<Guid, string> ThemeNames, IReadOnlyDictionary<Guid, string> TopicNames);
}
