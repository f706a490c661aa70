using System.Diagnostics;
using LearningHub.Core.Accounts;
using LearningHub.Core.Data;
using LearningHub.Core.Privacy;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Notifications.Domain;
using Microsoft.Extensions.DependencyInjection;
using LearningHub.Bench;

namespace LearningHub.Bench.Retention;

internal static class RetentionBench
{
    public static async Task Main(string[] args)
    {
        // Usage: dotnet run -c Release -- [sqlite|postgres] [bookings=20000] [mails=20000] [accounts=2000]
        // postgres reads the server's connection string from LEARNINGHUB_TEST_POSTGRES and makes a throwaway database.
        var provider = args.ElementAtOrDefault(0) ?? "sqlite";
        var bookings = int.Parse(args.ElementAtOrDefault(1) ?? "20000");
        var mails = int.Parse(args.ElementAtOrDefault(2) ?? "20000");
        var accounts = int.Parse(args.ElementAtOrDefault(3) ?? "2000");
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Notifications:DispatcherEnabled"] = "false",
            ["Events:WaitlistJobEnabled"] = "false",
            ["Retention:JobEnabled"] = "false",
        };

        await using var site = new BenchSite("retention", provider, settings);
        var old = DateTime.UtcNow.AddYears(-7);
        await SeedAsync(site, old, bookings, mails, accounts);

        var clock = Stopwatch.StartNew();
        var first = await site.WithBoardAsync("norfolk", s => s.GetRequiredService<RetentionApplier>().ApplyAsync(RetentionTrigger.Manual));
        var firstMs = clock.ElapsedMilliseconds;
        clock.Restart();
        var second = await site.WithBoardAsync("norfolk", s => s.GetRequiredService<RetentionApplier>().ApplyAsync(RetentionTrigger.Manual));
        var secondMs = clock.ElapsedMilliseconds;

        Console.WriteLine($"provider {provider}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"first run: {firstMs} ms, {string.Join(", ", first!.Select(c => $"{c.Key}={c.Value}"))}");
        Console.WriteLine($"second run (nothing left): {secondMs} ms, {string.Join(", ", second!.Select(c => $"{c.Key}={c.Value}"))}");
    }

    /// <summary>Expired rows for Norfolk: bookings of events that ended seven years ago, old sent mail, old unconfirmed accounts.</summary>
    private static async Task SeedAsync(BenchSite site, DateTime old, int bookings, int mails, int accounts)
    {
        const int perEvent = 100;
        for (var done = 0; done < bookings; done += perEvent)
        {
            await site.WithBoardAsync("norfolk", async s =>
            {
                var db = s.GetRequiredService<LearningHubDbContext>();
                var ev = new LearningEvent { Title = "Old session", Summary = "Case Y", StartUtc = old, EndUtc = old.AddHours(3), Capacity = perEvent, Status = EventStatus.Published, CreatedUtc = old, UpdatedUtc = old };
                db.Add(ev);
                for (var i = 0; i < perEvent && done + i < bookings; i++)
                {
                    var n = done + i;
                    db.Add(new Booking
                    {
                        EventId = ev.Id, Reference = $"B-{n:D7}", UserId = $"user-{n}", FullName = $"Person {n}", Email = $"person{n}@school.example",
                        AgencyName = "Schools", Sector = Sector.Education, LocalityName = "Norwich", LineManagerEmail = "head@school.example",
                        Status = BookingStatus.Confirmed, Attendance = AttendanceMark.Attended, CreatedUtc = old,
                    });
                }

                return await db.SaveChangesAsync();
            });
        }

        for (var done = 0; done < mails; done += 1000)
        {
            await site.WithBoardAsync("norfolk", async s =>
            {
                var db = s.GetRequiredService<LearningHubDbContext>();
                for (var i = 0; i < 1000 && done + i < mails; i++)
                {
                    var n = done + i;
                    db.Add(new OutboxMessage
                    {
                        DedupeKey = $"bench:{n}", Category = "bench", ToAddress = $"person{n}@school.example", ToName = $"Person {n}",
                        Subject = "Your booking", TextBody = new string('x', 2000), HtmlBody = new string('x', 4000),
                        Status = OutboxStatus.Sent, Attempts = 1, CreatedUtc = old, NextAttemptUtc = old, SentUtc = old,
                    });
                }

                return await db.SaveChangesAsync();
            });
        }

        await site.WithBoardAsync("norfolk", async s =>
        {
            var db = s.GetRequiredService<LearningHubDbContext>();
            for (var n = 0; n < accounts; n++)
            {
                db.Users.Add(new ApplicationUser
                {
                    UserName = $"unconfirmed{n}@school.example", NormalizedUserName = $"UNCONFIRMED{n}@SCHOOL.EXAMPLE",
                    Email = $"unconfirmed{n}@school.example", NormalizedEmail = $"UNCONFIRMED{n}@SCHOOL.EXAMPLE",
                    FullName = $"Unconfirmed {n}", SecurityStamp = Guid.NewGuid().ToString(), CreatedUtc = old,
                });
            }

            return await db.SaveChangesAsync();
        });
    }
}
