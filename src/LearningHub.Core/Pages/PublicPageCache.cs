using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Core.Pages;

/// <summary>
/// A row about one person (their progress, answers, sessions, certificates, mail, the audit of what they did): no
/// page a signed-out visitor sees shows it, so saving one leaves the cached public pages alone.
/// </summary>
public interface IPersonalRecord;

/// <summary>
/// Signed-out copies of the pages anyone may read (a board's home page, its module catalogue, a module's pages),
/// kept in the output cache so the many people who arrive from a link before signing in cost almost nothing.
/// <para>
/// Each board's copies carry a version in their cache keys. Saving anything of the board other than a personal
/// record (<see cref="IPersonalRecord"/>) moves the version on once the save commits (<see cref="PublicPageChanges"/>),
/// so the next visitor misses the cache and sees the change at once: a module published, withdrawn or corrected, a
/// theme renamed. A page read before the commit was stored under the old version, which no later request asks
/// for. A save that cannot be placed on one board (a background job, a recipe) moves every board on.
/// </para>
/// </summary>
/// <remarks>
/// In memory, per process, like the events list (<c>EventListCache</c>): with several app nodes another node's
/// copies show a change when they expire (<see cref="LearningHubOptions.PublicPageCacheTime"/>). Bulk updates
/// that bypass SaveChanges (<c>ExecuteUpdate</c>, raw SQL) do not move it on; none of them changes public content.
/// The output cache's default rules still apply: nothing is stored for a signed-in person or from a response
/// that sets a cookie.
/// </remarks>
public sealed class PublicPageCache
{
    public const string PolicyName = "public-page";

    private readonly ConcurrentDictionary<Guid, long> _versions = new();
    private long _everyBoard;

    /// <summary>The version a board's public pages are cached under now.</summary>
    public string VersionOf(Guid? boardId) => string.Create(CultureInfo.InvariantCulture,
        $"{Volatile.Read(ref _everyBoard)}.{(boardId is { } id ? _versions.GetValueOrDefault(id) : 0)}");

    /// <summary>Something a board's public pages may show has changed.</summary>
    public void Changed(Guid boardId) => _versions.AddOrUpdate(boardId, 1, (_, version) => version + 1);

    /// <summary>Something changed that cannot be placed on one board.</summary>
    public void ChangedEverywhere() => Interlocked.Increment(ref _everyBoard);

    public static void AddPolicy(OutputCacheOptions cache, TimeSpan lifetime) =>
        cache.AddPolicy(PolicyName, policy => policy.Expire(lifetime)
            .VaryByValue(context => new("public-page-version", VersionFor(context))));

    private static string VersionFor(HttpContext context) =>
        context.RequestServices.GetRequiredService<PublicPageCache>()
            .VersionOf(context.RequestServices.GetRequiredService<BoardContext>().BoardId);
}

/// <summary>Moves <see cref="PublicPageCache"/> on after a save that changed more than personal records.</summary>
public sealed class PublicPageChanges(PublicPageCache cache) : SaveChangesInterceptor
{
    /// <summary>What a save in progress will change, read before it runs (afterwards the entries are unchanged).</summary>
    private sealed record Pending(HashSet<Guid> Boards, bool Everywhere);

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var boards = new HashSet<Guid>();
        var everywhere = false;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || IsPersonal(entry.Entity))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case IBoardOwned owned:
                    boards.Add(owned.BoardId);
                    break;
                case Board board:
                    boards.Add(board.Id);
                    break;
                default:
                    everywhere = true;
                    break;
            }
        }

        if (everywhere || boards.Count > 0)
        {
            _pending.AddOrUpdate(context, new Pending(boards, everywhere));
        }
        else
        {
            _pending.Remove(context);
        }
    }

    /// <summary>Personal records, and accounts with Identity's rows about them (claims, logins, roles, tokens).</summary>
    private static bool IsPersonal(object entity) =>
        entity is IPersonalRecord or ApplicationUser
        || entity.GetType().Namespace == "Microsoft.AspNetCore.Identity" && entity.GetType().IsGenericType;

    private void Apply(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        if (pending.Everywhere)
        {
            cache.ChangedEverywhere();
        }

        foreach (var board in pending.Boards)
        {
            cache.Changed(board);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
