using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Events;

/// <summary>A clock the test moves: waiting-list offers and approval holds run out without anyone waiting.</summary>
public sealed class MovableClock : TimeProvider
{
    private DateTimeOffset _now = TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>The real app with a movable clock and the waiting-list job off (tests run its passes themselves).</summary>
public class EventsFactory : LearningHubFactory
{
    public MovableClock Clock { get; } = new();

    protected virtual IReadOnlyDictionary<string, string?> EventSettings => new Dictionary<string, string?>();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(EventSettings)
    {
        ["Events:WaitlistJobEnabled"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public static class EventsTestData
{
    /// <summary>
    /// Grants events.manage to coordinators. Both shipped recipes grant it too (their roles steps); the
    /// tests grant it themselves so they do not depend on a recipe's list of permissions.
    /// </summary>
    public static Task GrantEventsManageAsync(this LearningHubFactory factory, string board) =>
        factory.WithBoardServicesAsync(board, async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            foreach (var role in new[] { LearningHub.Core.Accounts.BoardRoles.Coordinator, LearningHub.Core.Accounts.BoardRoles.BoardAdmin })
            {
                if (!await db.BoardRolePermissions.AnyAsync(p => p.Role == role && p.Permission == LearningHub.Events.EventsPermissions.ManageEvents))
                {
                    db.BoardRolePermissions.Add(new LearningHub.Core.Security.BoardRolePermission { Role = role, Permission = LearningHub.Events.EventsPermissions.ManageEvents });
                }
            }

            await db.SaveChangesAsync();
            var boardId = services.GetRequiredService<LearningHub.Core.Boards.BoardContext>().Required.Id;
            services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>().Remove(LearningHub.Core.Security.BoardPermissions.CacheKey(boardId));
            return true;
        });

    /// <summary>A published event starting in <paramref name="startsIn"/> (default 10 days).</summary>
    public static Task<Guid> CreateEventAsync(this LearningHubFactory factory, string board, int capacity,
        Func<EventDetails, EventDetails>? change = null, TimeSpan? startsIn = null, DateTime? now = null) =>
        factory.WithBoardServicesAsync(board, async services =>
        {
            var start = (now ?? DateTime.UtcNow) + (startsIn ?? TimeSpan.FromDays(10));
            // Without a given start the event is at 10am, so its three hours never run past midnight: the edit form
            // takes one date with a start and an end time, and refuses an end before the start.
            start = startsIn is null
                ? new DateTime(start.Year, start.Month, start.Day, 10, 0, 0, DateTimeKind.Utc)
                : new DateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, DateTimeKind.Utc);
            var details = new EventDetails("Learning from Case Y", "What the review found.", EventFormat.InPerson, "County Hall, Norwich",
                null, null, null, start, start.AddHours(3), capacity, null, null, null, false, true, [], ["case-y"], false, "Dr Jo Smith", null, null);
            var admin = services.GetRequiredService<EventAdmin>();
            var ev = await admin.CreateAsync(change is null ? details : change(details));
            await admin.PublishAsync(ev.Id);
            return ev.Id;
        });

    public static Booker Person(int n) =>
        new($"user-{n}", $"Person {n}", $"person{n}@school.example", "Schools and colleges", LearningHub.Core.Taxonomies.Sector.Education, "Teacher", "Norwich");

    public static Task<BookingResult> BookAsync(this LearningHubFactory factory, string board, Guid eventId, Booker booker, string? lineManager = null) =>
        factory.WithBoardServicesAsync(board, services =>
            services.GetRequiredService<BookingService>().BookAsync(eventId, booker, null, lineManager));

    public static Task<Booking> BookingAsync(this LearningHubFactory factory, string board, string reference) =>
        factory.WithBoardAsync(board, db => db.Set<Booking>().AsNoTracking().SingleAsync(b => b.Reference == reference));

    /// <summary>The outbox messages of one template (category) to one address, oldest first.</summary>
    public static Task<List<OutboxMessage>> MailsAsync(this LearningHubFactory factory, string board, string template, string to) =>
        factory.WithBoardAsync(board, db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Category == template && m.ToAddress == to).OrderBy(m => m.CreatedUtc).ToListAsync());
}
