using LearningHub.Core.Boards;
using LearningHub.Core.Pages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Tests.Core;

/// <summary>What the integration tests cannot easily provoke: a failed computation, a reader who gives up, a zero lifetime.</summary>
public sealed class SharedReportsTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 4, 14, 5, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly BoardInfo Norfolk = new(Guid.NewGuid(), "norfolk", "Norfolk", "NSCB", null, "a@b.example", null, null, "norfolk", "N", null);

    private static readonly BoardInfo Essex = new(Guid.NewGuid(), "essex", "Essex", "ESCB", null, "a@b.example", null, null, "essex", "E", null);

    private static (SharedReports Reports, Clock Clock) Make()
    {
        var services = new ServiceCollection().AddScoped<BoardContext>().BuildServiceProvider();
        var clock = new Clock();
        return (new SharedReports(new MemoryCache(new MemoryCacheOptions()), services.GetRequiredService<IServiceScopeFactory>(), clock), clock);
    }

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_failed_computation_is_not_kept_so_the_next_request_computes_again()
    {
        var (reports, _) = Make();
        var calls = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => reports.GetAsync<string>(Norfolk, "r", 1, Lifetime,
            (_, _, _) => { calls++; throw new InvalidOperationException("database gone"); }, CancellationToken.None));

        var second = await reports.GetAsync(Norfolk, "r", 1, Lifetime, (_, _, _) => { calls++; return Task.FromResult("figures"); }, CancellationToken.None);
        Assert.Equal("figures", second.Figures);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_reader_who_gives_up_does_not_cancel_the_computation_the_others_wait_for()
    {
        var (reports, _) = Make();
        var release = new TaskCompletionSource<string>();
        using var givesUp = new CancellationTokenSource();
        // The computation honours the token it is given: had it been the first reader's, the second would be cancelled too.
        var first = reports.GetAsync(Norfolk, "r", 1, Lifetime, (_, _, ct) => release.Task.WaitAsync(ct), givesUp.Token);
        var second = reports.GetAsync(Norfolk, "r", 1, Lifetime, (_, _, _) => Task.FromResult("a second computation"), CancellationToken.None);

        await givesUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult("figures");
        Assert.Equal("figures", (await second).Figures);
    }

    [Fact]
    public async Task The_computation_acts_for_the_board_and_each_board_has_its_own_figures()
    {
        var (reports, _) = Make();
        Task<string> BoardOf(IServiceProvider services, DateTimeOffset _, CancellationToken __) =>
            Task.FromResult(services.GetRequiredService<BoardContext>().Required.Slug);

        Assert.Equal("norfolk", (await reports.GetAsync(Norfolk, "r", 1, Lifetime, BoardOf, CancellationToken.None)).Figures);
        Assert.Equal("essex", (await reports.GetAsync(Essex, "r", 1, Lifetime, BoardOf, CancellationToken.None)).Figures);
    }

    [Fact]
    public async Task A_zero_lifetime_computes_every_time_and_the_as_of_time_is_the_computations()
    {
        var (reports, clock) = Make();
        var calls = 0;
        Task<int> Count(IServiceProvider _, DateTimeOffset __, CancellationToken ___) => Task.FromResult(++calls);

        Assert.Equal(1, (await reports.GetAsync(Norfolk, "r", 1, TimeSpan.Zero, Count, CancellationToken.None)).Figures);
        clock.Now += TimeSpan.FromMinutes(1);
        var second = await reports.GetAsync(Norfolk, "r", 1, TimeSpan.Zero, Count, CancellationToken.None);
        Assert.Equal(2, second.Figures);
        Assert.Equal(clock.Now, second.ComputedAt);
        Assert.Equal("Figures as of 2:06pm on Friday 4 December 2026", SharedReports.AsOf(second.ComputedAt));
    }
}
