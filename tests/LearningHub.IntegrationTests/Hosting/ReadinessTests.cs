using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Hosting;

/// <summary><c>/health</c> is liveness (no database); <c>/health/ready</c> checks start-up, database, migrations, mail and libvips.</summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private readonly LearningHubFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Json)> ReadyAsync()
    {
        var response = await _factory.CreateBrowserClient().GetAsync("/health/ready");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, json);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task UseSmtpAsync(string board, int port) => _factory.UseSmtpAsync(board, port);

    [Fact]
    public async Task Ready_lists_each_check_and_liveness_runs_none_that_touch_the_database()
    {
        var (status, json) = await ReadyAsync();

        var checks = json.GetProperty("checks");
        foreach (var name in new[] { "startup", "database", "migrations", "mail" })
        {
            Assert.Equal("Healthy", checks.GetProperty(name).GetString());
        }

        // libvips is bundled with the site (NetVips.Native), so images are always ready here.
        Assert.Equal("Healthy", checks.GetProperty("images").GetString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches(@"^libvips 8\.\d+\.\d+ bundled \(NetVips\.Native\.linux-x64\)$", json.GetProperty("details").GetProperty("images").GetString());
        Assert.Contains("migrations applied", json.GetProperty("details").GetProperty("migrations").GetString());

        var live = JsonDocument.Parse(await _factory.CreateBrowserClient().GetStringAsync("/health")).RootElement;
        Assert.False(live.GetProperty("checks").TryGetProperty("database", out _));
        Assert.False(live.GetProperty("checks").TryGetProperty("mail", out _));
    }

    [Fact]
    public async Task Ready_answers_503_when_a_migration_is_not_applied()
    {
        await _factory.WithBoardAsync("norfolk", db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '20261121000013_Operations'"));

        var (status, json) = await ReadyAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", json.GetProperty("checks").GetProperty("migrations").GetString());
        Assert.Contains("20261121000013_Operations", json.GetProperty("details").GetProperty("migrations").GetString());
    }

    [Fact]
    public async Task Ready_answers_503_when_a_boards_pickup_folder_cannot_be_written()
    {
        _ = await ReadyAsync(); // started
        var pickup = Path.Combine(_factory.DataPath, "mail-pickup");
        if (Directory.Exists(pickup))
        {
            Directory.Delete(pickup, recursive: true);
        }

        await File.WriteAllTextAsync(pickup, "a file where the pickup folder should be");

        var (status, json) = await ReadyAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", json.GetProperty("checks").GetProperty("mail").GetString());
        Assert.Contains("not writable", json.GetProperty("details").GetProperty("mail").GetString());
    }

    [Fact]
    public async Task Ready_answers_503_while_a_boards_smtp_server_does_not_answer_and_200_once_it_does()
    {
        await UseSmtpAsync("essex", ClosedPort());

        var (down, downJson) = await ReadyAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
        Assert.Equal("Unhealthy", downJson.GetProperty("checks").GetProperty("mail").GetString());
        Assert.Contains("SMTP 127.0.0.1", downJson.GetProperty("details").GetProperty("mail").GetString());

        await using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        await UseSmtpAsync("essex", smtp.Port);

        var (_, upJson) = await ReadyAsync();
        Assert.Equal("Healthy", upJson.GetProperty("checks").GetProperty("mail").GetString());
        Assert.Contains("1 SMTP server", upJson.GetProperty("details").GetProperty("mail").GetString());
    }
}
