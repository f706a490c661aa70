using System.Globalization;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Core.Security;
using LearningHub.Core.Time;
using LearningHub.Core.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Web.Pages.Admin.Audit;

/// <summary>
/// Searches the board's audit log (read only: the page has no way to change an entry, and the
/// database context refuses it anyway). The board filter keeps it to this board's entries.
/// </summary>
[Authorize(Policy = CorePermissions.ViewAudit)]
public sealed class IndexModel(LearningHubDbContext db) : BoardPageModel
{
    public const int PageSize = 50;

    /// <summary>
    /// Matches are counted up to this many. A search as wide as "everything Chris Coordinator did" matches most of a
    /// large board's year of entries, and counting them all on every page took longer than finding the page itself
    /// (issue 22); beyond it the page says "more than 500" and still moves page by page to the oldest. (1,000 was
    /// tried: 12% fewer searches a second at 20 users, bench/README.md.)
    /// </summary>
    public const int CountLimit = 500;

    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    // From the query string only: Razor Pages' own "page" route value (this page's name) would win
    // over ?page=2 for a [BindProperty] and every page would show the first.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    /// <summary>The number of matching entries, or <see cref="CountLimit"/> when there are more (<see cref="MoreThanCounted"/>).</summary>
    public int Total { get; private set; }

    public bool MoreThanCounted { get; private set; }

    /// <summary>The number of pages, known only when every match was counted.</summary>
    public int? PageCount => MoreThanCounted ? null : Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasNextPage { get; private set; }

    public bool Filtered { get; private set; }

    public async Task OnGetAsync()
    {
        // Errors in the filter are shown in the error summary; the log is then listed unfiltered by date.
        ModelState.Clear();
        var from = Filter.From.Read(ModelState, $"{nameof(Filter)}.{nameof(AuditFilter.From)}", "the ‘from’ date", required: false);
        var to = Filter.To.Read(ModelState, $"{nameof(Filter)}.{nameof(AuditFilter.To)}", "the ‘to’ date", required: false);
        if (from is not null && to is not null && to < from)
        {
            ModelState.AddModelError($"{nameof(Filter)}.{nameof(AuditFilter.To)}", "The ‘to’ date must be the same as or after the ‘from’ date");
            from = to = null;
        }

        // A search by typed text: planned for the text it has, not by a generic plan's guess (CustomPlans).
        await using var plans = await CustomPlans.BeginAsync(db);
        var entries = db.AuditEntries.AsNoTracking();
        // Names are compared lower-cased, as the person's data export compares them: on PostgreSQL the trigram indexes
        // on lower("ActorName") and lower("TargetLabel") (migration AuditSearchIndexes) find a rare name without
        // reading the board's whole log.
        if (Clean(Filter.Action) is { } action)
        {
            var lowered = action.ToLowerInvariant();
            entries = entries.Where(e => e.Action.Contains(lowered));
        }

        if (Clean(Filter.Person) is { } person)
        {
            var lowered = person.ToLowerInvariant();
            entries = entries.Where(e => e.ActorName.ToLower().Contains(lowered) || e.ActorUserId == person);
        }

        if (Clean(Filter.Target) is { } target)
        {
            var lowered = target.ToLowerInvariant();
            entries = entries.Where(e => e.TargetId == target || (e.TargetLabel != null && e.TargetLabel.ToLower().Contains(lowered)));
        }

        if (from is { } start)
        {
            var startUtc = LondonTime.ToUtc(start.ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.OccurredUtc >= startUtc);
        }

        if (to is { } end)
        {
            var endUtc = LondonTime.ToUtc(end.AddDays(1).ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.OccurredUtc < endUtc);
        }

        Filtered = Clean(Filter.Action) is not null || Clean(Filter.Person) is not null || Clean(Filter.Target) is not null || from is not null || to is not null;
        // Counted newest first, as the page lists them: PostgreSQL then counts along the board's (BoardId, OccurredUtc)
        // index and stops at the limit. Unordered it read the table from wherever another reader's scan had reached
        // (synchronised sequential scans), through other boards' entries: 1.2 s a count at 20 users, against 7 ms.
        var counted = await entries.OrderByDescending(e => e.OccurredUtc).Take(CountLimit + 1).CountAsync();
        MoreThanCounted = counted > CountLimit;
        Total = Math.Min(counted, CountLimit);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount ?? int.MaxValue / PageSize);
        // One more than a page, to know whether there is a next one when the matches were not all counted.
        var rows = await entries.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync();
        HasNextPage = rows.Count > PageSize;
        Entries = rows.Take(PageSize).Select(e => new AuditRow(
                LondonTime.ToLondon(e.OccurredUtc),
                e.Action, e.ActorName, e.TargetType, e.TargetLabel ?? e.TargetId, e.ChangesJson))
            .ToList();
    }

    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["Filter.Action"] = Clean(Filter.Action),
            ["Filter.Person"] = Clean(Filter.Person),
            ["Filter.Target"] = Clean(Filter.Target),
            ["Filter.From.Day"] = Clean(Filter.From.Day),
            ["Filter.From.Month"] = Clean(Filter.From.Month),
            ["Filter.From.Year"] = Clean(Filter.From.Year),
            ["Filter.To.Day"] = Clean(Filter.To.Day),
            ["Filter.To.Month"] = Clean(Filter.To.Month),
            ["Filter.To.Year"] = Clean(Filter.To.Year),
            ["page"] = page.ToString(CultureInfo.InvariantCulture),
        };
        // Not a route value: Url.Page keeps "page" for the page's name, and the log's page number is a query value.
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Url.Page("/Admin/Audit/Index")!,
            query.Where(p => p.Value is not null));
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public sealed class AuditFilter
    {
        public string? Action { get; set; }

        public string? Person { get; set; }

        public string? Target { get; set; }

        public DateInput From { get; set; } = new();

        public DateInput To { get; set; } = new();
    }

    public sealed record AuditRow(DateTime OccurredLondon, string Action, string Actor, string TargetType, string Target, string? Changes);
}
