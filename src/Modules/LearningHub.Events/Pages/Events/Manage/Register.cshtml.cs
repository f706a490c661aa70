using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Core.Taxonomies;
using LearningHub.Core.Validation;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events.Manage;

/// <summary>
/// The register: mark each person Attended, Partly attended or No-show, add walk-ins on the spot, and once the
/// event has started close it, which sends the evaluation, no-show notices and follow-ups (and fixes the marks).
/// </summary>
[Authorize(Policy = EventsPermissions.ManageEvents)]
public sealed class RegisterModel(LearningHubDbContext db, EventAdmin admin, RegisterClosing closing, FormChoices forms, TimeProvider clock)
    : BoardPageModel
{
    private const string ClosedNotice = "register.closed";

    public const string ClosedMessage = "The register is closed, so attendance can no longer be changed or added";

    [BindProperty]
    public Dictionary<Guid, string?> Marks { get; set; } = [];

    [BindProperty]
    public WalkInInput WalkIn { get; set; } = new();

    public LearningEvent Event { get; private set; } = default!;

    public IReadOnlyList<Booking> People { get; private set; } = [];

    /// <summary>The board's agencies (each with its sector) and localities, for a walk-in to be recorded against.</summary>
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public IReadOnlyList<Locality> Localities { get; private set; } = [];

    /// <summary>What closing sent, shown once after closing.</summary>
    public string? Notice { get; private set; }

    public bool HasStarted => clock.GetUtcNow().UtcDateTime >= Event.StartUtc;

    public string? EvaluationFormTitle { get; private set; }

    public string? FollowUpFormTitle { get; private set; }

    public int FollowUpDays { get; private set; }

    public int AttendedCount => People.Count(p => RegisterClosing.Attended(p.Attendance));

    public int NoShowCount => People.Count(p => p.Attendance == AttendanceMark.NoShow);

    public int UnmarkedCount => People.Count(p => p.Attendance is null);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        ModelState.Clear();
        Notice = TempData[ClosedNotice] as string;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    /// <summary>Set on the check page that comes before closing: what closing sends, and to whom.</summary>
    public bool Confirming { get; private set; }

    public async Task<IActionResult> OnGetConfirmCloseAsync(Guid id)
    {
        ModelState.Clear();
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (Event.RegisterClosed || !HasStarted || Event.Status == EventStatus.Cancelled)
        {
            return RedirectToPage(new { id });
        }

        Confirming = true;
        ViewData["Title"] = $"Check before you close the register: {Event.Title}";
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ModelState.Clear();
        var result = await closing.CloseAsync(id, User.Identity?.Name ?? "coordinator", HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case RegisterCloseOutcome.NotFound:
                return NotFound();
            case RegisterCloseOutcome.Closed:
                TempData[ClosedNotice] = $"The register is closed. {EventText.Count(result.EvaluationRequests, "evaluation request")}, "
                                         + $"{EventText.Count(result.NoShowNotices, "no-show notice")} and {EventText.Count(result.FollowUps, "follow-up")} (due later) are queued.";
                return RedirectToPage(new { id });
            case RegisterCloseOutcome.AlreadyClosed:
                // A second click, or a colleague closed it first: nothing more is sent; the page says who closed it.
                return RedirectToPage(new { id });
            default:
                ModelState.AddModelError(string.Empty, result.Outcome == RegisterCloseOutcome.NotStarted
                    ? "You can close the register once the event has started"
                    : "The event is cancelled, so its register cannot be closed");
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
    }

    public async Task<IActionResult> OnPostMarksAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        // Only defined marks are recorded: anything else posted (a tampered value) leaves the mark as "Not recorded".
        var marks = Marks.ToDictionary(m => m.Key,
            m => FormEnums.Read<AttendanceMark>(m.Value) is { } mark && mark != AttendanceMark.WalkIn ? mark : (AttendanceMark?)null);
        if (!await admin.MarkAttendanceAsync(id, marks, User.Identity?.Name ?? "coordinator", HttpContext.RequestAborted))
        {
            return Closed();
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostWalkInAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        // Only the walk-in form was posted: the register's marks (bound from the same form data) are not its concern.
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("WalkIn.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        // From the board's lists, so reach reports group walk-ins with everyone else, not under "not given".
        var agency = Guid.TryParse(WalkIn.AgencyId, out var agencyId) ? Agencies.FirstOrDefault(a => a.Id == agencyId) : null;
        if (agency is null)
        {
            ModelState.AddModelError("WalkIn.AgencyId", "Select the walk-in's agency from the list");
        }

        var locality = Guid.TryParse(WalkIn.LocalityId, out var localityId) ? Localities.FirstOrDefault(l => l.Id == localityId) : null;
        if (locality is null)
        {
            ModelState.AddModelError("WalkIn.LocalityId", "Select the locality the walk-in works in from the list");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await admin.AddWalkInAsync(id, WalkIn.FullName!.Trim(), WalkIn.Email!.Trim(), agency!.Name, agency.Sector, WalkIn.JobRole?.Trim(),
                Board.ShortName, User.Identity?.Name ?? "coordinator", locality!.Name, HttpContext.RequestAborted) is null)
        {
            return Closed();
        }

        return RedirectToPage(new { id });
    }

    private PageResult Closed()
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, ClosedMessage);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var ev = await db.Set<LearningEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
        if (ev is null)
        {
            return false;
        }

        Event = ev;
        People = await db.Set<Booking>().AsNoTracking().Where(b => b.EventId == id && b.Status == BookingStatus.Confirmed)
            .OrderBy(b => b.FullName).ToListAsync();
        var titles = (await forms.ListAsync(Enum.GetValues<FormPurpose>()))
            .ToDictionary(f => f.Key, f => f.Title);
        EvaluationFormTitle = ev.EvaluationFormKey is { } evaluation ? titles.GetValueOrDefault(evaluation) : null;
        FollowUpFormTitle = ev.FollowUpFormKey is { } followUp ? titles.GetValueOrDefault(followUp) : null;
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ToListAsync();
        Localities = await db.Localities.AsNoTracking().OrderBy(l => l.SortOrder).ToListAsync();
        FollowUpDays = ev.FollowUpDays ?? await db.Boards.AsNoTracking().Where(b => b.Id == ev.BoardId).Select(b => b.FollowUpDays).SingleAsync();
        return true;
    }

    public sealed class WalkInInput
    {
        [Required(ErrorMessage = "Enter the walk-in's full name")]
        [StringLength(200, ErrorMessage = "The name must be 200 characters or fewer")]
        public string? FullName { get; set; }

        [Required(ErrorMessage = "Enter the walk-in's work email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        [StringLength(256, ErrorMessage = "The email address must be 256 characters or fewer")]
        public string? Email { get; set; }

        public string? AgencyId { get; set; }

        public string? LocalityId { get; set; }

        [StringLength(200, ErrorMessage = "The role must be 200 characters or fewer")]
        public string? JobRole { get; set; }
    }
}
