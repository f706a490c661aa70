using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Security;
using LearningHub.Core.Taxonomies;
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
/// The coordinator opens the reach report and downloads its CSV: a line for each row of each table on the page,
/// headed by the table's caption, with the same cells; axe finds no WCAG 2.2 AA violation on the report.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ReachReportCsvTests(SiteFixture site)
{
    [Fact]
    public async Task The_reach_report_CSV_equals_its_tables()
    {
        var day = await BookedEventAsync();
        await using var session = await site.OpenSessionAsync();
        var page = session.Page;
        await page.SignInAsDemoAsync("norfolk", "coordinator@norfolk.demo");

        await page.GotoAsync($"/norfolk/events/manage/reach?From.Day={day.Day}&From.Month={day.Month}&From.Year={day.Year}&To.Day={day.Day}&To.Month={day.Month}&To.Year={day.Year}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reach of events", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // What the page shows: the caption of each table, then the cells of each of its rows.
        var shown = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('table[data-lh-chart]')].flatMap(t =>
                [...t.querySelectorAll('tbody tr')].filter(r => r.querySelector('th[scope=row]')).map(r =>
                    [t.querySelector('caption').textContent.trim(), ...[...r.children].map(c => c.textContent.trim())].join('|')))
            """);
        Assert.Equal(["By agency|GP practices|1|0|0|–|0|0|0", "By agency|Schools and colleges|1|0|0|–|0|0|0"], shown.Take(2));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download these tables (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Table,Group,Bookings,Attended (in full or in part),Partly attended,", lines[0]);
        // The groups booked hold no commas or quotes, so a CSV line is its cells joined by commas.
        Assert.Equal(shown, lines.Skip(1).Select(l => l.Replace(',', '|')));
        session.AssertNoBrowserErrors();
    }

    /// <summary>A published event on a day of its own, three years ahead, booked by two people of different agencies; returns its day.</summary>
    private async Task<DateTime> BookedEventAsync()
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

        var start = DateTime.UtcNow.Date.AddYears(3).AddHours(10);
        var admin = services.GetRequiredService<EventAdmin>();
        var ev = await admin.CreateAsync(new EventDetails("Reach report session", "A session to report on.", EventFormat.InPerson, "County Hall, Norwich",
            null, null, null, start, start.AddHours(2), 20, null, null, null, false, true, [], [], false, null, null, null));
        await admin.PublishAsync(ev.Id);
        var bookings = services.GetRequiredService<BookingService>();
        await bookings.BookAsync(ev.Id, new Booker("e2e-reach-1", "Rosa Reach", "rosa@school.example", "Schools and colleges", Sector.Education, "Teacher", "Norwich"), null, null);
        await bookings.BookAsync(ev.Id, new Booker("e2e-reach-2", "Gus Reach", "gus@gp.example", "GP practices", Sector.Health, "GP", "Norwich"), null, null);
        return start;
    }
}
