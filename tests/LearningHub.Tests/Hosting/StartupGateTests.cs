using System.Diagnostics;
using LearningHub.Core.Hosting;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningHub.Tests.Hosting;

/// <summary>
/// While the database is being prepared the host already listens: requests wait at the door and go through the
/// moment it is ready; health and the in-process warm-up go at once; a request kept too long gets 503, never a 500.
/// </summary>
public sealed class StartupGateTests
{
    [Fact]
    public async Task A_request_waits_until_the_database_is_ready_then_goes_through()
    {
        var readiness = new SiteReadiness();
        var served = 0;
        var gate = Gate(readiness, _ => { served++; return Task.CompletedTask; });
        var context = Request("/norfolk");

        var serving = gate.InvokeAsync(context);

        // Still held a moment later (polled with a deadline: it must not go through on its own).
        var held = Stopwatch.StartNew();
        while (held.Elapsed < TimeSpan.FromMilliseconds(200))
        {
            Assert.False(serving.IsCompleted);
            await Task.Yield();
        }

        readiness.MarkReady();
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, served);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Health_answers_while_starting(string path)
    {
        var served = 0;
        var gate = Gate(new SiteReadiness(), _ => { served++; return Task.CompletedTask; });

        await gate.InvokeAsync(Request(path)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, served);
    }

    [Fact]
    public async Task The_warm_up_request_goes_through_while_starting()
    {
        var served = 0;
        var gate = Gate(new SiteReadiness(), _ => { served++; return Task.CompletedTask; });
        var context = Request("/essex");
        context.Features.Set(new WarmUpRequestFeature());

        await gate.InvokeAsync(context).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, served);
    }

    [Fact]
    public async Task A_request_kept_waiting_too_long_gets_503_with_retry_after()
    {
        var served = 0;
        var gate = Gate(new SiteReadiness(), _ => { served++; return Task.CompletedTask; }, TimeSpan.FromMilliseconds(100));
        var context = Request("/norfolk");

        await gate.InvokeAsync(context).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, served);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task When_preparing_the_database_fails_a_waiting_request_gets_503()
    {
        var readiness = new SiteReadiness();
        var served = 0;
        var gate = Gate(readiness, _ => { served++; return Task.CompletedTask; });
        var context = Request("/norfolk");

        var serving = gate.InvokeAsync(context);
        readiness.MarkFailed(new InvalidOperationException("a recipe is wrong"));
        await serving.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, served);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
    }

    [Fact]
    public async Task Background_jobs_wait_for_readiness_and_are_told_when_it_never_comes()
    {
        var ready = new SiteReadiness();
        var waiting = ready.WaitQuietlyAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        ready.MarkReady();
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));

        var failed = new SiteReadiness();
        var waitingInVain = failed.WaitQuietlyAsync(CancellationToken.None);
        failed.MarkFailed(new InvalidOperationException("a recipe is wrong"));
        Assert.False(await waitingInVain.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static StartupGateMiddleware Gate(SiteReadiness readiness, RequestDelegate next, TimeSpan? maxWait = null) =>
        new(next, readiness, NullLogger<StartupGateMiddleware>.Instance, maxWait);

    private static DefaultHttpContext Request(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }
}
