using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Data;

/// <summary>
/// The DbContext's options are built once for the app, not per request, and sharing them leaves each
/// request's context filtered to its own board.
/// </summary>
public sealed class DbContextOptionsTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task Every_request_scope_shares_one_set_of_options_and_keeps_its_own_board()
    {
        var (norfolkOptions, norfolkBoards) = await factory.WithBoardServicesAsync("norfolk", OptionsAndBoardsSeenAsync);
        var (essexOptions, essexBoards) = await factory.WithBoardServicesAsync("essex", OptionsAndBoardsSeenAsync);

        Assert.Same(norfolkOptions, essexOptions);
        Assert.NotEqual(norfolkBoards, essexBoards);
        Assert.Single(norfolkBoards);
        Assert.Single(essexBoards);
    }

    private static async Task<(DbContextOptions Options, List<Guid> Boards)> OptionsAndBoardsSeenAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<LearningHubDbContext>();
        var boards = await db.Set<Agency>().Select(a => a.BoardId).Distinct().ToListAsync();
        return (services.GetRequiredService<DbContextOptions<LearningHubDbContext>>(), boards);
    }
}
