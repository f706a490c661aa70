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
        var (norfolkOptions, norfolkContext, norfolkBoards) = await factory.WithBoardServicesAsync("norfolk", OptionsAndBoardsSeenAsync);
        var (essexOptions, essexContext, essexBoards) = await factory.WithBoardServicesAsync("essex", OptionsAndBoardsSeenAsync);

        Assert.Same(norfolkOptions, essexOptions);
        Assert.Same(norfolkContext, essexContext);
        Assert.NotEqual(norfolkBoards, essexBoards);
        Assert.Single(norfolkBoards);
        Assert.Single(essexBoards);
    }

    private static async Task<(DbContextOptions Options, LearningHubDbContext Context, List<Guid> Boards)> OptionsAndBoardsSeenAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<LearningHubDbContext>();
        var boards = await db.Set<Agency>().Select(a => a.BoardId).Distinct().ToListAsync();
        return (services.GetRequiredService<DbContextOptions<LearningHubDbContext>>(), db, boards);
    }
}
