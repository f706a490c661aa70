using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Data;

/// <summary>
/// The DbContext's options are built once for the app and its instances are rented from a pool, not set up
/// per request; a context rented again by another scope is filtered to that scope's board.
/// </summary>
public sealed class DbContextOptionsTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task Every_request_scope_shares_one_set_of_options_and_a_pooled_context_and_keeps_its_own_board()
    {
        // Twenty scopes one after another, Norfolk and Essex in turn: each sees only its own board, and the
        // contexts are reused (the pool hands back the ones returned; background work may hold a few, so the
        // test asks only for reuse, not for one instance).
        var seen = new List<(string Board, DbContextOptions Options, LearningHubDbContext Context, List<Guid> Boards)>();
        for (var i = 0; i < 20; i++)
        {
            var board = i % 2 == 0 ? "norfolk" : "essex";
            var (options, context, boards) = await factory.WithBoardServicesAsync(board, OptionsAndBoardsSeenAsync);
            seen.Add((board, options, context, boards));
        }

        Assert.Single(seen.Select(s => s.Options).Distinct());
        Assert.True(seen.Select(s => s.Context).Distinct().Count() < seen.Count, "every scope set up a context of its own");
        foreach (var group in seen.GroupBy(s => s.Board))
        {
            Assert.Single(group.SelectMany(s => s.Boards).Distinct());
        }

        Assert.NotEqual(seen[0].Boards, seen[1].Boards);
    }

    private static async Task<(DbContextOptions Options, LearningHubDbContext Context, List<Guid> Boards)> OptionsAndBoardsSeenAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<LearningHubDbContext>();
        var boards = await db.Set<Agency>().Select(a => a.BoardId).Distinct().ToListAsync();
        return (services.GetRequiredService<DbContextOptions<LearningHubDbContext>>(), db, boards);
    }
}
