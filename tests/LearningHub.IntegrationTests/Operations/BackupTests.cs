using System.Collections.Concurrent;
using LearningHub.Core;
using LearningHub.Events.Services;
using LearningHub.IntegrationTests.Events;
using LearningHub.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Operations;

/// <summary>
/// Issue 8 acceptance 4: <c>backup</c> taken while bookings keep arriving gives a database that opens,
/// passes <c>PRAGMA integrity_check</c> and holds every booking confirmed before the backup began.
/// In the booking collection: it loads both cores on purpose.
/// </summary>
[Collection(BookingConcurrencyCollection.Name)]
public sealed class BackupTests
{
    /// <summary>Checks <paramref name="condition"/> every 50 ms until it holds; fails after a minute.</summary>
    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"Timed out waiting: {what}");
            await ticks.WaitForNextTickAsync();
        }
    }

    private static string TempFile() => Path.Combine(Path.GetTempPath(), "learninghub-backups", $"{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_backup_taken_during_a_load_of_bookings_is_whole_and_holds_every_booking_confirmed_before_it()
    {
        await using var factory = new EventsFactory();
        var eventId = await factory.CreateEventAsync("norfolk", 100_000);
        var confirmed = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var next = 0;
        var bookers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await factory.BookAsync("norfolk", eventId, EventsTestData.Person(Interlocked.Increment(ref next)));
                if (result.Outcome == BookingOutcome.Confirmed)
                {
                    confirmed.Enqueue(result.Booking!.Reference);
                }
            }
        })).ToList();

        await UntilAsync(() => confirmed.Count >= 30, "30 bookings confirmed before the backup");
        var confirmedBefore = confirmed.ToHashSet();
        var file = TempFile();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await BackupCommand.RunAsync(factory.Services, ["backup", file], output, error);
        var countAtBackupEnd = confirmed.Count;
        await UntilAsync(() => confirmed.Count >= countAtBackupEnd + 10, "bookings went on after the backup");
        await stop.CancelAsync();
        await Task.WhenAll(bookers);

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("integrity check ok", output.ToString());
        await using var copy = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using (var check = copy.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", await check.ExecuteScalarAsync());
        }

        var inCopy = new HashSet<string>();
        await using (var read = copy.CreateCommand())
        {
            read.CommandText = "SELECT \"Reference\" FROM \"Bookings\" WHERE \"EventId\" = $event AND \"Status\" = 'Confirmed'";
            read.Parameters.AddWithValue("$event", eventId.ToString().ToUpperInvariant());
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                inCopy.Add(reader.GetString(0));
            }
        }

        Assert.Subset(inCopy, confirmedBefore);
        Assert.True(inCopy.Count < confirmed.Count, "bookings made after the backup are not in it: the copy is one snapshot");
        File.Delete(file);
    }

    [Fact]
    public async Task Backup_refuses_an_existing_file_and_a_missing_database_without_touching_either()
    {
        var existing = TempFile();
        Directory.CreateDirectory(Path.GetDirectoryName(existing)!);
        await File.WriteAllTextAsync(existing, "keep me");
        var missing = Path.Combine(Path.GetTempPath(), "learninghub-backups", $"{Guid.NewGuid():N}-missing.db");
        var services = new ServiceCollection()
            .AddSingleton(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={missing}")).BuildServiceProvider();

        var error = new StringWriter();
        Assert.Equal(1, await BackupCommand.RunAsync(services, ["backup", TempFile()], TextWriter.Null, error));
        Assert.Contains("There is no database", error.ToString());
        Assert.False(File.Exists(missing));

        var withFile = new ServiceCollection()
            .AddSingleton(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={existing}")).BuildServiceProvider();
        error = new StringWriter();
        Assert.Equal(1, await BackupCommand.RunAsync(withFile, ["backup", existing], TextWriter.Null, error));
        Assert.Contains("already exists", error.ToString());
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
        File.Delete(existing);
    }

    [Fact]
    public async Task Backup_on_PostgreSQL_refuses_and_points_at_pg_dump()
    {
        var services = new ServiceCollection()
            .AddSingleton(new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=learninghub")).BuildServiceProvider();
        var error = new StringWriter();

        var exit = await BackupCommand.RunAsync(services, ["backup", TempFile()], TextWriter.Null, error);

        Assert.Equal(3, exit);
        Assert.Contains("pg_dump", error.ToString());
    }
}
