using System.Globalization;
using LearningHub.Core.Boards;
using LearningHub.Core.Pages;
using LearningHub.Core.Validation;
using LearningHub.Events.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningHub.Events.Pages.Events.Manage;

/// <summary>Reach of the board's events over a period, by agency, sector, locality and theme.</summary>
[Authorize(Policy = EventsPermissions.ManageEvents)]
public sealed class ReachModel(ReachReport report, TimeProvider clock) : BoardPageModel
{
    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    public Reach Reach { get; private set; } = default!;

    public string BoardName => Board.Name;

    public string Period { get; private set; } = "";

    public async Task OnGetAsync()
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

        Period = $"{from.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} to {to.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}";
        Reach = await report.ForAsync(LondonTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)), LondonTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)),
            clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted);
    }
}
