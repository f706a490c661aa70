using System.Net;
using LearningHub.Core.Hosting;
using LearningHub.E2E.Infrastructure;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Hosting;

/// <summary>The site's requests are the foreground work the mail dispatcher gives way to in a rush.</summary>
public sealed class ForegroundRequestsTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task A_request_counts_as_foreground_work_until_it_is_answered_and_a_rush_is_as_many_as_cores()
    {
        var foreground = factory.Services.GetRequiredService<ForegroundWork>();
        Assert.Equal(Environment.ProcessorCount, foreground.RushAt);
        // The test server's own handler: the factory's default client buffers a request's body before sending it.
        using var client = new HttpClient(factory.Server.CreateHandler()) { BaseAddress = factory.Server.BaseAddress };
        var release = new TaskCompletionSource();

        // A sign-in post whose body is held back: the request is in the site until the body arrives.
        var posting = client.PostAsync("/norfolk/account/sign-in", new HeldBackContent(release.Task) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } });
        await Poll.UntilAsync(() => Task.FromResult(foreground.InFlight == 1), TimeSpan.FromSeconds(20),
            () => $"{foreground.InFlight} requests counted in flight, expected the held one");

        release.SetResult();
        var response = await posting.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        await Poll.UntilAsync(() => Task.FromResult(foreground.InFlight == 0), TimeSpan.FromSeconds(20),
            () => $"{foreground.InFlight} still counted after the answer");
    }

    private sealed class HeldBackContent(Task release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await release;
            await stream.WriteAsync("Input.Email=a%40b.example"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
