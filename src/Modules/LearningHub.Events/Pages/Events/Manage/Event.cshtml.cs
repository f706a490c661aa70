using System.Globalization;
using CsvHelper;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using LearningHub.Core.Pages;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events.Manage;

/// <summary>One event for its coordinator: bookings and waiting list (agency, sector, role), and what can be done with it.</summary>
[Authorize(Policy = EventsPermissions.ManageEvents)]
public sealed class EventModel(LearningHubDbContext db, EventQueries queries, EventAdmin admin) : BoardPageModel
{
    /// <summary>The message box's name and value, so its form posts to the message page as <see cref="MessageModel.Message"/>.</summary>
    public string? Message { get; set; }

    public LearningEvent Event { get; private set; } = default!;

    public EventSummary Summary { get; private set; } = default!;

    public IReadOnlyList<Booking> Bookings { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done)
    {
        ModelState.Clear();
        Notice = done switch
        {
            "published" => "The event is published: practitioners can now book.",
            "cancelled" => "The event is cancelled. Everyone booked or waiting has been emailed.",
            "copied" => "This is a copy, a week later, as a draft. Change what differs and publish it.",
            "messaged" => "Your message is on its way to everyone with a place.",
            _ => null,
        };
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await admin.PublishAsync(id, HttpContext.RequestAborted);
        return RedirectToPage(new { id, done = "published" });
    }

    public async Task<IActionResult> OnPostCopyAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var copy = await admin.CopyAsync(id, HttpContext.RequestAborted);
        return RedirectToPage(new { id = copy.Id, done = "copied" });
    }

    /// <summary>Bookings and attendance as CSV, with the columns a board's quarterly report needs.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Names and answers are people's own text: a leading = or + must not become a formula in Excel.
        await using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            // The event's booking question ("Do you have any access needs?") heads a column of the answers, when it asks one.
            var question = Event.BookingQuestion;
            csv.WriteRecord(["Reference", "Name", "Email", "Agency", "Sector", "Role", "Locality", "Status", "Attendance", "Checked in", "Booked",
                .. question is null ? Array.Empty<string>() : [question]]);
            foreach (var b in Bookings)
            {
                csv.WriteRecord(
                [
                    b.Reference,
                    b.FullName,
                    b.Email,
                    b.AgencyName ?? "",
                    b.Sector?.DisplayName() ?? "",
                    b.JobRole ?? "",
                    b.LocalityName ?? "",
                    EventText.Status(b.Status),
                    b.Attendance is null ? "" : EventText.Attendance(b.Attendance),
                    b.CheckedInUtc is { } at ? LondonTime.ToLondon(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "",
                    LondonTime.ToLondon(b.CreatedUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    .. question is null ? Array.Empty<string>() : [b.Answer ?? ""],
                ]);
            }
        }

        var name = $"{Board.ShortName}-{LondonTime.ToLondon(Event.StartUtc):yyyy-MM-dd}-bookings.csv";
        Response.Headers.CacheControl = "private, no-store";
        return CsvDownload.Of(text.ToString(), name);
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var ev = await db.Set<LearningEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
        if (ev is null)
        {
            return false;
        }

        Event = ev;
        Summary = (await queries.SummaryAsync(id))!;
        Bookings = await db.Set<Booking>().AsNoTracking().Where(b => b.EventId == id)
            .OrderBy(b => b.Status).ThenBy(b => b.WaitlistPosition).ThenBy(b => b.CreatedUtc).ToListAsync();
        return true;
    }
}
