using System.Globalization;
using CsvHelper;
using LearningHub.Core.Boards;
using LearningHub.Core.Pages;
using LearningHub.Core.Validation;
using LearningHub.Events.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LearningHub.Events.Pages.Events.Manage;

/// <summary>Reach of the board's events over a period, by agency, sector, locality and theme.</summary>
[Authorize(Policy = EventsPermissions.ManageEvents)]
public sealed class ReachModel(SharedReports shared, IOptions<EventsOptions> options, TimeProvider clock) : BoardPageModel
{
    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    public Reach Reach { get; private set; } = default!;

    /// <summary>When the figures were computed: they are shared for <see cref="EventsOptions.ReachCacheTime"/>, so the page says so.</summary>
    public DateTimeOffset ComputedAt { get; private set; }

    public string BoardName => Board.Name;

    public string Period { get; private set; } = "";

    /// <summary>The period used (the default when the boxes were blank or wrong), for the CSV link.</summary>
    public DateOnly PeriodFrom { get; private set; }

    public DateOnly PeriodTo { get; private set; }

    /// <summary>The page's tables, in order: the page and its CSV are both drawn from this list, so they cannot differ.</summary>
    public IReadOnlyList<ReachTable> Tables { get; private set; } = [];

    /// <summary>The CSV's columns after the table's name; the page's tables have the same headings.</summary>
    public static readonly string[] Columns = ["Bookings", "Attended (in full or in part)", "Partly attended", "Attendance rate (counting partly attended)", "No-shows", "Cancellations", "Walk-ins"];

    public static string Rate(ReachRow row) => row.AttendanceRate is { } r ? r.ToString("P0", CultureInfo.GetCultureInfo("en-GB")) : "–";

    /// <summary>A row's cells after its group, in the order of <see cref="Columns"/>.</summary>
    public static string[] Cells(ReachRow row) =>
    [
        row.Bookings.ToString(CultureInfo.InvariantCulture), row.Attended.ToString(CultureInfo.InvariantCulture), row.PartlyAttended.ToString(CultureInfo.InvariantCulture), Rate(row),
        row.NoShows.ToString(CultureInfo.InvariantCulture), row.Cancellations.ToString(CultureInfo.InvariantCulture), row.WalkIns.ToString(CultureInfo.InvariantCulture),
    ];

    public Task OnGetAsync() => LoadAsync();

    /// <summary>Every table on the page as one CSV for the same period, a row per group headed by its table's name.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync();
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Agency and locality names are typed by people (a walk-in's agency): a leading = must not become a formula in Excel.
        await using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord(["Table", "Group", .. Columns]);
            foreach (var table in Tables)
            {
                foreach (var row in table.Rows)
                {
                    csv.WriteRecord([table.Caption, row.Group, .. Cells(row)]);
                }
            }
        }

        Response.Headers.CacheControl = "private, no-store";
        return CsvDownload.Of(text.ToString(), $"{Board.ShortName}-reach-{PeriodFrom:yyyy-MM-dd}-to-{PeriodTo:yyyy-MM-dd}.csv");
    }

    private async Task LoadAsync()
    {
        ModelState.Clear();
        var today = DateOnly.FromDateTime(LondonTime.ToLondon(clock.GetUtcNow().UtcDateTime));
        var from = From.Read(ModelState, nameof(From), "the start of the period", required: false) ?? today.AddMonths(-3);
        var to = To.Read(ModelState, nameof(To), "the end of the period", required: false) ?? today;
        if (to < from)
        {
            ModelState.AddModelError(nameof(To), "The end of the period must be the same as or after the start");
            to = from;
        }

        // The boxes keep what was typed when it is wrong, and show the period used when it was blank.
        if (ModelState.IsValid)
        {
            From = DateInput.Of(from);
            To = DateInput.Of(to);
        }

        (PeriodFrom, PeriodTo) = (from, to);
        Period = $"{from.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} to {to.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}";
        var (fromUtc, toUtc) = (LondonTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)), LondonTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        // Shared by everyone asking for this board's period (the page and its CSV alike): nothing else changes the
        // figures, as everyone who may manage events sees the whole board's reach.
        var computed = await shared.GetAsync(Board, "events-reach", (fromUtc, toUtc), options.Value.ReachCacheTime,
            (services, now, ct) => services.GetRequiredService<ReachReport>().ForAsync(fromUtc, toUtc, now.UtcDateTime, ct),
            HttpContext.RequestAborted);
        (Reach, ComputedAt) = (computed.Figures, computed.ComputedAt);
        Tables =
        [
            new("By agency", "by-agency", "Agency", Reach.ByAgency),
            new("By sector", "by-sector", "Sector", Reach.BySector),
            new("By locality", "by-locality", "Locality", Reach.ByLocality),
            new("By theme", "by-theme", "Theme", Reach.ByTheme),
        ];
    }
}

/// <summary>One table of the reach report: its caption, element id, the heading of its group column, and its rows.</summary>
public sealed record ReachTable(string Caption, string Id, string GroupHeading, IReadOnlyList<ReachRow> Rows);
