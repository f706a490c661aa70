using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Security;
using LearningHub.E2E.Infrastructure;
using LearningHub.Events;
using LearningHub.Events.Domain;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Events;

/// <summary>
/// A coordinator builds a roadshow from its task list (adding a session there and publishing both), messages everyone
/// booked through the check page and cancels the session through its "Are you sure" page; axe on every page.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class CoordinatorCheckJourneyTests(SiteFixture site)
{
    [Fact]
    public async Task The_coordinator_builds_a_roadshow_messages_the_booked_and_cancels_a_session_each_checked_first()
    {
        await GrantManageEventsAsync();
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("norfolk", "coordinator@norfolk.demo");
        var title = $"E2E roadshow {Guid.NewGuid():N}"[..21];

        await page.GotoAsync("/norfolk/events/manage");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a roadshow" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("What the roadshow covers").FillAsync("Case T across the county.");
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Draft: only coordinators see it" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create roadshow" }).ClickAsync();

        // The task list: details done, no sessions, publishing not possible yet.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#task-publish-status")).ToHaveTextAsync("Cannot start yet");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a session" }).ClickAsync();

        // The session starts as the roadshow.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a session", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("input[name='Input.Title']")).ToHaveValueAsync(title);
        await Accessibility.AssertNoViolationsAsync(page);
        var date = DateTime.UtcNow.AddDays(40);
        await page.Locator("select[name='Input.Format']").SelectOptionAsync(nameof(EventFormat.InPerson));
        await page.Locator("input[name='Input.Venue']").FillAsync("Town Hall, King's Lynn");
        await page.Locator("input[name='Input.Date.Day']").FillAsync(date.Day.ToString());
        await page.Locator("input[name='Input.Date.Month']").FillAsync(date.Month.ToString());
        await page.Locator("input[name='Input.Date.Year']").FillAsync(date.Year.ToString());
        await page.Locator("input[name='Input.StartTime.Hour']").FillAsync("09");
        await page.Locator("input[name='Input.StartTime.Minute']").FillAsync("30");
        await page.Locator("input[name='Input.EndTime.Hour']").FillAsync("12");
        await page.Locator("input[name='Input.EndTime.Minute']").FillAsync("30");
        await page.Locator("input[name='Input.Capacity']").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();

        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The session is added to the roadshow");
        await Expect(page.Locator("#session-0-status")).ToHaveTextAsync("Draft");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the roadshow and 1 draft session" }).ClickAsync();
        await Expect(page.Locator("#task-publish-status")).ToHaveTextAsync("Published");
        await Accessibility.AssertNoViolationsAsync(page);

        var eventId = await BookAsync(title);
        await page.Locator("#tasks-sessions a").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // A message: checked (subject, text, how many), changed, then sent.
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("Please bring the briefing.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your message before sending it", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#message-recipients")).ToHaveTextAsync("1 person with a confirmed place, by email");
        await Expect(page.Locator("#message-subject")).ToContainTextAsync(title);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change your message" }).ClickAsync();
        await Expect(page.GetByLabel("Message", new() { Exact = true })).ToHaveValueAsync("Please bring the briefing.");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("Please bring the briefing and a pen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("#message-body")).ToHaveTextAsync("Please bring the briefing and a pen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the message" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your message is on its way");
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.Contains("Please bring the briefing and a pen.", (await MailAsync("events.message")).TextBody);

        // Cancelling: the question says who is mailed; only "Yes" cancels.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the event" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Are you sure you want to cancel {title}?", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("1 person will be emailed that it is cancelled");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel the event" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The event is cancelled");
        await Expect(page.Locator(".govuk-caption-l")).ToHaveTextAsync("Cancelled");
        await Accessibility.AssertNoViolationsAsync(page);
        await MailAsync("events.event-cancelled");
        Assert.NotEqual(Guid.Empty, eventId);
        session.AssertNoBrowserErrors();
    }

    private const string Booked = "bea.booked@school.example";

    private async Task<T> AsNorfolkAsync<T>(Func<IServiceProvider, LearningHubDbContext, Task<T>> action)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var board = await services.GetRequiredService<BoardDirectory>().FindAsync("norfolk") ?? throw new InvalidOperationException("No norfolk");
        services.GetRequiredService<BoardContext>().Use(board);
        return await action(services, services.GetRequiredService<LearningHubDbContext>());
    }

    private Task GrantManageEventsAsync() => AsNorfolkAsync(async (services, db) =>
    {
        if (!await db.BoardRolePermissions.AnyAsync(g => g.Role == "Coordinator" && g.Permission == EventsPermissions.ManageEvents))
        {
            db.BoardRolePermissions.Add(new BoardRolePermission { Role = "Coordinator", Permission = EventsPermissions.ManageEvents });
            await db.SaveChangesAsync();
            services.GetRequiredService<IMemoryCache>().Remove(BoardPermissions.CacheKey(services.GetRequiredService<BoardContext>().Required.Id));
        }

        return true;
    });

    /// <summary>A confirmed place on the session just created, as the booking service leaves one.</summary>
    private Task<Guid> BookAsync(string title) => AsNorfolkAsync(async (_, db) =>
    {
        var ev = await db.Set<LearningEvent>().SingleAsync(e => e.Title == title);
        db.Add(new Booking
        {
            EventId = ev.Id,
            Reference = BookingReference.New("NSCB"),
            UserId = "e2e-roadshow-user",
            ActiveUserId = "e2e-roadshow-user",
            FullName = "Bea Booked",
            Email = Booked,
            Status = BookingStatus.Confirmed,
            CreatedUtc = DateTime.UtcNow,
            ConfirmedUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return ev.Id;
    });

    private Task<OutboxMessage> MailAsync(string category) =>
        AsNorfolkAsync((_, db) => db.Set<OutboxMessage>().SingleAsync(m => m.Category == category && m.ToAddress == Booked));
}
