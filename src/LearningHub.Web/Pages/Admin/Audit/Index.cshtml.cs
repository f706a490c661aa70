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

    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    // From the query string only: Razor Pages' own "page" route value (this page's name) would win
    // over ?page=2 for a [BindProperty] and every page would show the first.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

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

        var entries = db.AuditEntries.AsNoTracking();
        if (Clean(Filter.Action) is { } action)
        {
            var lowered = action.ToLowerInvariant();
            entries = entries.Where(e => e.Action.Contains(lowered));
        }

        if (Clean(Filter.Person) is { } person)
        {
            var upper = person.ToUpperInvariant();
            entries = entries.Where(e => e.ActorName.ToUpper().Contains(upper) || e.ActorUserId == person);
        }

        if (Clean(Filter.Target) is { } target)
        {
            var upper = target.ToUpperInvariant();
            entries = entries.Where(e => e.TargetId == target || (e.TargetLabel != null && e.TargetLabel.ToUpper().Contains(upper)));
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
        Total = await entries.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var rows = await entries.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync();
        Entries = rows.Select(e => new AuditRow(
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
