using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events.Manage;

/// <summary>The register: mark each person Attended, Partly attended or No-show, and add walk-ins on the spot.</summary>
[Authorize(Policy = EventsPermissions.ManageEvents)]
public sealed class RegisterModel(LearningHubDbContext db, EventAdmin admin, BoardContext boards) : PageModel
{
    [BindProperty]
    public Dictionary<Guid, string?> Marks { get; set; } = [];

    [BindProperty]
    public WalkInInput WalkIn { get; set; } = new();

    public LearningEvent Event { get; private set; } = default!;

    public IReadOnlyList<Booking> People { get; private set; } = [];

    public string BoardSlug => boards.Required.Slug;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        ModelState.Clear();
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostMarksAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var marks = Marks.ToDictionary(m => m.Key, m => Enum.TryParse<AttendanceMark>(m.Value, out var mark) ? mark : (AttendanceMark?)null);
        await admin.MarkAttendanceAsync(id, marks, User.Identity?.Name ?? "coordinator", HttpContext.RequestAborted);
        return Redirect($"/{BoardSlug}/events/manage/{id}/register");
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

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await admin.AddWalkInAsync(id, WalkIn.FullName!.Trim(), WalkIn.Email!.Trim(), WalkIn.Agency?.Trim(), null, WalkIn.JobRole?.Trim(),
            boards.Required.ShortName, User.Identity?.Name ?? "coordinator", HttpContext.RequestAborted);
        return Redirect($"/{BoardSlug}/events/manage/{id}/register");
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

        [StringLength(200, ErrorMessage = "The agency must be 200 characters or fewer")]
        public string? Agency { get; set; }

        [StringLength(200, ErrorMessage = "The role must be 200 characters or fewer")]
        public string? JobRole { get; set; }
    }
}
