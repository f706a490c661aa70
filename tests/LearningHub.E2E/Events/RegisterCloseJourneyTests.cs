using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Security;
using LearningHub.E2E.Infrastructure;
using LearningHub.Events;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Events;

/// <summary>
/// The coordinator marks the register of an event under way, reads what closing will send, closes it and sees it
/// closed; axe finds no WCAG 2.2 AA violation on the register before, during and after.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class RegisterCloseJourneyTests(SiteFixture site)
{
    [Fact]
    public async Task The_coordinator_marks_and_closes_the_register_of_an_event_under_way()
    {
        var (eventId, reference) = await EventUnderWayAsync();
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("norfolk", "coordinator@norfolk.demo");

        await page.GotoAsync($"/norfolk/events/manage/{eventId}/register");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Close the register" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator($"tr[data-reference='{reference}'] select").SelectOptionAsync("Attended");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the register" }).ClickAsync();
        await Expect(page.Locator($"tr[data-reference='{reference}'] .attendance")).ToContainTextAsync("Attended");

        // The booking question's answer is on the register and in the bookings CSV.
        await Expect(page.Locator("#register thead")).ToContainTextAsync("Do you have any access needs?");
        await Expect(page.Locator($"tr[data-reference='{reference}'] .booking-answer")).ToHaveTextAsync("A hearing loop, please");
        var csv = await page.Context.APIRequest.GetAsync($"/norfolk/events/manage/{eventId}?handler=Export");
        Assert.Contains("A hearing loop, please", await csv.TextAsync());

        // A walk-in, recorded from the board's lists.
        await page.GetByLabel("Full name").FillAsync("Walter Walk-in");
        await page.GetByLabel("Work email address").FillAsync("walter@walkin.example");
        await page.GetByLabel("Agency").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Locality they work in").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add walk-in" }).ClickAsync();
        await Expect(page.Locator("#register")).ToContainTextAsync("Walter Walk-in");

        // Closing asks to confirm, on a check page naming what is sent and to whom.
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the register" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check before you close the register" })).ToBeVisibleAsync();
        await Expect(page.Locator("#close-effects")).ToContainTextAsync("2 people marked Attended, Partly attended or Walk-in: Rita Register, Walter Walk-in");
        await Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("1 person has no attendance recorded");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the register and send" }).ClickAsync();
        await Expect(page.Locator("#register-notice")).ToContainTextAsync("2 evaluation requests");
        await Expect(page.Locator("#register-closed")).ToContainTextAsync("closed by coordinator@norfolk.demo");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save the register" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);
        session.AssertNoBrowserErrors();

        // The walk-in, with no account, opens the evaluation from the mailed link and answers without signing in.
        var link = await MailedLinkAsync("walter@walkin.example");
        await using var walkIn = await site.OpenSessionAsync();
        await walkIn.Page.GotoAsync(new Uri(link).PathAndQuery);
        await Expect(walkIn.Page.Locator("a.govuk-button--start")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(walkIn.Page);
        await walkIn.Page.Locator("a.govuk-button--start").ClickAsync();
        await AnswerEveryQuestionAsync(walkIn.Page);
        await Expect(walkIn.Page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers", Level = 1 })).ToBeVisibleAsync();
        Assert.DoesNotContain("/account/sign-in", walkIn.Page.Url);
        await Accessibility.AssertNoViolationsAsync(walkIn.Page);
        await walkIn.Page.GetByRole(AriaRole.Button, new() { Name = "Send answers" }).ClickAsync();
        await Expect(walkIn.Page.GetByRole(AriaRole.Heading, new() { Name = "Answers sent", Level = 1 })).ToBeVisibleAsync();
        Assert.DoesNotContain("/account/sign-in", walkIn.Page.Url);
        await Accessibility.AssertNoViolationsAsync(walkIn.Page);
        walkIn.AssertNoBrowserErrors();
    }

    /// <summary>
    /// Answers each page of the form in turn (the first choice of each radio question, a sentence in each text box,
    /// optional boxes left) until the check answers page, with axe on every question page.
    /// </summary>
    private static async Task AnswerEveryQuestionAsync(IPage page)
    {
        var checkAnswers = page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers", Level = 1 });
        for (var pages = 0; pages < 20; pages++)
        {
            var save = page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" });
            await Expect(save.Or(checkAnswers)).ToBeVisibleAsync();
            if (await checkAnswers.IsVisibleAsync())
            {
                return;
            }

            Assert.DoesNotContain("/account/sign-in", page.Url);
            await Accessibility.AssertNoViolationsAsync(page);
            // A page may hold several questions: the first choice of each.
            var radioGroups = await page.Locator("main input[type=radio]").EvaluateAllAsync<string[]>("rs => [...new Set(rs.map(r => r.name))]");
            foreach (var name in radioGroups)
            {
                await page.Locator($"main input[type=radio][name='{name}']").First.CheckAsync();
            }

            foreach (var box in await page.Locator("main textarea, main input[type=text]").AllAsync())
            {
                await box.FillAsync("Ask about who else lives in the home.");
            }

            var before = page.Url;
            await save.ClickAsync();
            try
            {
                await Expect(page).Not.ToHaveURLAsync(before);
            }
            catch (PlaywrightException)
            {
                Assert.Fail($"Still on {page.Url} after saving: {await page.Locator("main").InnerTextAsync()}");
            }
        }

        Assert.Fail("The form did not reach its check answers page within 20 pages");
    }

    /// <summary>The answering link in the evaluation request mailed to <paramref name="email"/>.</summary>
    private async Task<string> MailedLinkAsync(string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var board = await services.GetRequiredService<BoardDirectory>().FindAsync("norfolk") ?? throw new InvalidOperationException("No norfolk");
        services.GetRequiredService<BoardContext>().Use(board);
        var mail = await services.GetRequiredService<LearningHubDbContext>().Set<LearningHub.Notifications.Domain.OutboxMessage>()
            .SingleAsync(m => m.Category == "forms.evaluation-request" && m.ToAddress == email);
        return System.Text.RegularExpressions.Regex.Match(mail.TextBody, @"https?://\S+").Value;
    }

    /// <summary>A published event that started an hour ago, with the board's evaluation form and one confirmed place.</summary>
    private async Task<(Guid EventId, string Reference)> EventUnderWayAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var board = await services.GetRequiredService<BoardDirectory>().FindAsync("norfolk") ?? throw new InvalidOperationException("No norfolk");
        services.GetRequiredService<BoardContext>().Use(board);
        var db = services.GetRequiredService<LearningHubDbContext>();
        if (!await db.BoardRolePermissions.AnyAsync(g => g.Role == "Coordinator" && g.Permission == EventsPermissions.ManageEvents))
        {
            db.BoardRolePermissions.Add(new BoardRolePermission { Role = "Coordinator", Permission = EventsPermissions.ManageEvents });
            await db.SaveChangesAsync();
            services.GetRequiredService<IMemoryCache>().Remove(BoardPermissions.CacheKey(board.Id));
        }

        var start = DateTime.UtcNow.AddHours(-1);
        var admin = services.GetRequiredService<EventAdmin>();
        var ev = await admin.CreateAsync(new EventDetails("Register closing session", "A session under way.", EventFormat.InPerson, "County Hall, Norwich",
            null, null, null, start, start.AddHours(3), 20, null, null, null, false, true, [], [], false, null, "Do you have any access needs?", null)
        {
            EvaluationFormKey = "event-evaluation",
        });
        await admin.PublishAsync(ev.Id);
        // Booked before it started: added as the booking service leaves a confirmed place.
        var booking = new Booking
        {
            EventId = ev.Id,
            Reference = BookingReference.New("NSCB"),
            UserId = "e2e-register-user",
            ActiveUserId = "e2e-register-user",
            FullName = "Rita Register",
            Email = "rita@school.example",
            Answer = "A hearing loop, please",
            Status = BookingStatus.Confirmed,
            CreatedUtc = start.AddDays(-3),
            ConfirmedUtc = start.AddDays(-3),
        };
        db.Add(booking);
        db.Add(new Booking
        {
            EventId = ev.Id,
            Reference = BookingReference.New("NSCB"),
            UserId = "e2e-register-other",
            ActiveUserId = "e2e-register-other",
            FullName = "Una Unmarked",
            Email = "una@school.example",
            Status = BookingStatus.Confirmed,
            CreatedUtc = start.AddDays(-3),
            ConfirmedUtc = start.AddDays(-3),
        });
        await db.SaveChangesAsync();
        return (ev.Id, booking.Reference);
    }
}
