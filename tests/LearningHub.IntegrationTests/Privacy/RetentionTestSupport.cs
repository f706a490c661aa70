using System.Text.Json;
using LearningHub.Core.Accounts;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using LearningHub.Core.Privacy;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Privacy;

/// <summary>The real app with a movable clock and the retention job off: tests run its passes themselves.</summary>
public class RetentionFactory : EventsFactory
{
    protected override IReadOnlyDictionary<string, string?> EventSettings => new Dictionary<string, string?>
    {
        ["Retention:JobEnabled"] = "false",
    };
}

/// <summary>The real app with the retention job's timer ticking every 200 ms of real time, on a movable clock.</summary>
public sealed class TickingRetentionFactory : EventsFactory
{
    protected override IReadOnlyDictionary<string, string?> EventSettings => new Dictionary<string, string?>
    {
        ["Retention:JobEnabled"] = "true",
        ["Retention:PollInterval"] = "00:00:00.200",
    };
}

/// <summary>Rows written straight into the database with the times a test needs (the services would stamp "now").</summary>
internal static class RetentionSeed
{
    public static Task<Guid> EventEndedAtAsync(this LearningHubFactory factory, string board, DateTime endUtc) =>
        factory.WithBoardAsync(board, async db =>
        {
            var ev = new LearningEvent
            {
                Title = $"Session ending {endUtc:O}",
                Summary = "Learning from Case Y.",
                StartUtc = endUtc.AddHours(-3),
                EndUtc = endUtc,
                Capacity = 30,
                Status = EventStatus.Published,
                CreatedUtc = endUtc.AddDays(-30),
                UpdatedUtc = endUtc.AddDays(-30),
            };
            db.Add(ev);
            await db.SaveChangesAsync();
            return ev.Id;
        });

    public static Task<Guid> BookingAsync(this LearningHubFactory factory, string board, Guid eventId, string name,
        AttendanceMark? attendance = AttendanceMark.Attended, bool walkIn = false, string? userId = null) =>
        factory.WithBoardAsync(board, async db =>
        {
            var booking = new Booking
            {
                EventId = eventId,
                Reference = "T-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
                UserId = walkIn ? null : userId ?? Guid.NewGuid().ToString(),
                FullName = name,
                Email = $"{name.Replace(' ', '.').ToLowerInvariant()}@school.example",
                AgencyName = "Schools and colleges",
                Sector = Sector.Education,
                JobRole = "Teacher",
                LocalityName = "Norwich",
                LineManagerEmail = walkIn ? null : "head@school.example",
                Answer = walkIn ? null : "I use a wheelchair",
                Status = BookingStatus.Confirmed,
                IsWalkIn = walkIn,
                Attendance = attendance,
                CreatedUtc = DateTime.UtcNow,
            };
            booking.ActiveUserId = booking.UserId;
            db.Add(booking);
            await db.SaveChangesAsync();
            return booking.Id;
        });

    public static Task<string> UnconfirmedAccountAsync(this LearningHubFactory factory, string board, string email, DateTime createdUtc, bool confirmed = false) =>
        factory.WithBoardAsync(board, async db =>
        {
            var user = new ApplicationUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = confirmed,
                FullName = "Sam " + email,
                SecurityStamp = Guid.NewGuid().ToString(),
                CreatedUtc = createdUtc,
            };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            return user.Id;
        });

    public static Task<Guid> MailAsync(this LearningHubFactory factory, string board, string to, OutboxStatus status, DateTime createdUtc, DateTime? sentUtc) =>
        factory.WithBoardAsync(board, async db =>
        {
            var message = new OutboxMessage
            {
                DedupeKey = "tests.retention:" + Guid.NewGuid(),
                Category = "tests.retention",
                ToAddress = to,
                ToName = "Pat Example",
                Subject = "Your booking for Pat Example",
                TextBody = "Dear Pat Example",
                HtmlBody = "<p>Dear Pat Example</p>",
                AttachmentName = "invite.ics",
                AttachmentContentType = "text/calendar",
                AttachmentContent = "ATTENDEE:mailto:" + to,
                Status = status,
                Attempts = sentUtc is null ? 0 : 1,
                CreatedUtc = createdUtc,
                // Far ahead, so the dispatcher leaves a pending one alone during the test.
                NextAttemptUtc = createdUtc.AddYears(50),
                SentUtc = sentUtc,
            };
            db.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

    public static Task<List<AuditEntry>> RetentionEntriesAsync(this LearningHubFactory factory, string board) =>
        factory.WithBoardAsync(board, db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == RetentionApplier.AuditAction).OrderBy(e => e.OccurredUtc).ToListAsync());

    public static Dictionary<string, int> Counts(this AuditEntry entry)
    {
        using var json = JsonDocument.Parse(entry.ChangesJson!);
        return json.RootElement.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
    }

    public static string Trigger(this AuditEntry entry)
    {
        using var json = JsonDocument.Parse(entry.ChangesJson!);
        return json.RootElement.GetProperty("trigger").GetString()!;
    }

    public static Task<T> DbAsync<T>(this LearningHubFactory factory, Func<LearningHubDbContext, Task<T>> read) => factory.WithBoardAsync("norfolk", read);
}
