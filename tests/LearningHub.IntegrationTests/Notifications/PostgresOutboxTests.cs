using LearningHub.Core.Data;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Notifications;

/// <summary>
/// Two app instances on one PostgreSQL database share the outbox: each message is sent exactly once, both
/// straight to the server and through PgBouncer in transaction pooling mode (docs/pgbouncer.md), where the
/// claim (<c>FOR UPDATE SKIP LOCKED</c> in one statement) and the sends' saves share ten server connections.
/// </summary>
public sealed class PostgresOutboxTests : IAsyncLifetime
{
    private const int MessageCount = 300;
    private readonly string _database = $"lh_outbox_{Guid.NewGuid():N}"[..22];
    private readonly SmtpTestServer _smtp = new();
    private readonly List<LearningHubFactory> _instances = [];

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is not null)
        {
            await _smtp.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await _smtp.DisposeAsync();
        if (PostgresFactAttribute.ConnectionString is not null)
        {
            await TestPostgres.DropAsync(_database);
        }
    }

    private LearningHubFactory StartInstance(DatabaseRoute route)
    {
        var instance = new InstanceFactory(TestPostgres.ConnectionTo(_database, route: route));
        _instances.Add(instance);
        _ = instance.Services; // start it: migrations and recipes run now, one instance at a time
        return instance;
    }

    [PostgresFact]
    public Task Two_instances_claiming_at_once_send_every_message_exactly_once() =>
        SendThroughTwoInstancesAsync(DatabaseRoute.Direct);

    [PgBouncerFact]
    public async Task Through_PgBouncer_two_instances_claiming_at_once_send_every_message_exactly_once()
    {
        // Made by the operator; the instances migrate it through PgBouncer as they start.
        await TestPostgres.CreateAsync(_database);
        await SendThroughTwoInstancesAsync(DatabaseRoute.PgBouncer);
    }

    private async Task SendThroughTwoInstancesAsync(DatabaseRoute route)
    {
        var first = StartInstance(route);
        var second = StartInstance(route);
        await first.WithBoardServicesAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            var settings = await db.Set<BoardMailSettings>().SingleAsync();
            settings.Transport = MailTransportKind.Smtp;
            settings.Host = "127.0.0.1";
            settings.Port = _smtp.Port;
            settings.Security = SmtpSecurity.None;
            var queue = services.GetRequiredService<MailQueue>();
            for (var i = 0; i < MessageCount; i++)
            {
                await queue.EnqueueAsync($"pg-{i}", "tests", new OutgoingMail($"person{i}@school.example", "Person", $"Message {i}", "T", "<p>H</p>"));
            }

            return await db.SaveChangesAsync();
        });

        // Both instances' processors claim and send at the same time, as two nodes' dispatchers would. The second has
        // read the outbox once first, so its pool and query pipeline are warm: a cold first claim could come after the
        // first instance had sent all 300 (it failed so once in CI, "300, 0").
        await second.WithBoardAsync("norfolk", db => db.Set<OutboxMessage>().CountAsync(m => m.Category == "tests"));
        var handled = await Task.WhenAll(DrainAsync(first), DrainAsync(second));

        Assert.Equal(MessageCount, handled.Sum());
        Assert.True(handled.All(h => h > 0), $"Both instances should have taken a share of the work: {string.Join(", ", handled)}");
        var delivered = (await _smtp.WaitForAsync(m => m.Headers["Subject"].StartsWith("Message ", StringComparison.Ordinal), MessageCount))
            .Select(m => m.Headers["Subject"]).ToList();
        Assert.Equal(MessageCount, delivered.Count);
        Assert.Equal(MessageCount, delivered.Distinct().Count());
        var statuses = await first.WithBoardAsync("norfolk", db => db.Set<OutboxMessage>().Where(m => m.Category == "tests").Select(m => m.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(OutboxStatus.Sent, s));
    }

    private static async Task<int> DrainAsync(LearningHubFactory instance)
    {
        var processor = instance.Services.GetRequiredService<OutboxProcessor>();
        var total = 0;
        for (var pass = 0; pass < 1000; pass++)
        {
            var handled = await processor.RunOnceAsync(CancellationToken.None);
            if (handled == 0)
            {
                return total;
            }

            total += handled;
        }

        return total;
    }

    private sealed class InstanceFactory(string connectionString) : LearningHubFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:LearningHub"] = connectionString,
            ["Notifications:DispatcherEnabled"] = "false",
            ["Notifications:BatchSize"] = "10",
        };
    }
}
