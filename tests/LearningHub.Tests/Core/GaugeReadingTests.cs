using LearningHub.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningHub.Tests.Core;

/// <summary>Gauges read from the database: at most one query per age, however many collections ask.</summary>
public sealed class GaugeReadingTests
{
    private readonly IServiceScopeFactory _scopes = new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();

    private GaugeReading<string> Reading(Func<string> read, TimeSpan maxAge) =>
        new(_scopes, _ => read(), maxAge, NullLogger.Instance);

    [Fact]
    public void Collections_within_the_age_reuse_one_reading()
    {
        var reads = 0;
        var reading = Reading(() => $"reading {++reads}", TimeSpan.FromHours(1));

        Assert.Equal("reading 1", reading.Current());
        Assert.Equal("reading 1", reading.Current());
        Assert.Equal("reading 1", reading.Current());
        Assert.Equal(1, reads);
    }

    [Fact]
    public void A_reading_past_its_age_is_taken_again()
    {
        var reads = 0;
        var reading = Reading(() => $"reading {++reads}", TimeSpan.Zero);

        Assert.Equal("reading 1", reading.Current());
        Assert.Equal("reading 2", reading.Current());
    }

    [Fact]
    public void A_failed_read_gives_no_value_and_is_not_tried_again_within_the_age()
    {
        var reads = 0;
        var reading = Reading(() =>
        {
            reads++;
            throw new InvalidOperationException("the database is down");
        }, TimeSpan.FromHours(1));

        Assert.Null(reading.Current());
        Assert.Null(reading.Current());
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task A_collection_while_another_reads_gets_the_previous_reading_without_waiting()
    {
        using var readStarted = new ManualResetEventSlim();
        using var finishRead = new ManualResetEventSlim();
        var reads = 0;
        var reading = Reading(() =>
        {
            if (++reads == 2)
            {
                readStarted.Set();
                finishRead.Wait(TimeSpan.FromSeconds(10));
            }

            return $"reading {reads}";
        }, TimeSpan.Zero);
        Assert.Equal("reading 1", reading.Current());

        var slow = Task.Run(reading.Current);
        Assert.True(readStarted.Wait(TimeSpan.FromSeconds(10)));
        Assert.Equal("reading 1", reading.Current());
        finishRead.Set();

        Assert.Equal("reading 2", await slow);
        Assert.Equal(2, reads);
    }
}
