using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Core.Validation;
using LearningHub.Events.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events.Manage;

/// <summary>Create or change a roadshow: its title, what it teaches, theme and whether it is published. Sessions are events that name it.</summary>
[Authorize(Policy = EventsPermissions.ManageEvents)]
public sealed class RoadshowEditModel(LearningHubDbContext db, TimeProvider clock) : BoardPageModel
{
    [BindProperty]
    public RoadshowInput Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public Guid? RoadshowId { get; private set; }

    public List<SelectListItem> Themes { get; private set; } = [];

    public List<SelectListItem> Statuses { get; } =
    [
        new("Draft: only coordinators see it", nameof(EventStatus.Draft)),
        new("Published", nameof(EventStatus.Published)),
        new("Cancelled", nameof(EventStatus.Cancelled)),
    ];

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        IsNew = id is null;
        RoadshowId = id;
        await LoadThemesAsync();
        if (id is { } roadshowId)
        {
            var roadshow = await db.Set<Roadshow>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == roadshowId);
            if (roadshow is null)
            {
                return NotFound();
            }

            Input = new RoadshowInput { Title = roadshow.Title, Summary = roadshow.Summary, ThemeId = roadshow.ThemeId?.ToString(), Status = roadshow.Status.ToString() };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        IsNew = id is null;
        RoadshowId = id;
        await LoadThemesAsync();
        var status = FormEnums.Read<EventStatus>(Input.Status);
        if (status is null)
        {
            ModelState.AddModelError("Input.Status", "Select whether the roadshow is published");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Roadshow? roadshow;
        if (id is { } roadshowId)
        {
            roadshow = await db.Set<Roadshow>().SingleOrDefaultAsync(r => r.Id == roadshowId);
            if (roadshow is null)
            {
                return NotFound();
            }
        }
        else
        {
            roadshow = new Roadshow { CreatedUtc = clock.GetUtcNow().UtcDateTime };
            db.Add(roadshow);
        }

        roadshow.Title = Input.Title!.Trim();
        roadshow.Summary = Input.Summary?.Trim() ?? "";
        roadshow.ThemeId = Guid.TryParse(Input.ThemeId, out var theme) ? theme : null;
        roadshow.Status = status!.Value;
        await db.SaveChangesAsync();
        // Back to its task list: next come its sessions, cover image and publishing.
        return RedirectToPage("/Events/Manage/RoadshowTasks", new { id = roadshow.Id });
    }

    private async Task LoadThemesAsync() =>
        Themes = await db.LearningThemes.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync();

    public sealed class RoadshowInput
    {
        [Required(ErrorMessage = "Enter a title")]
        [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
        public string? Title { get; set; }

        [StringLength(8000, ErrorMessage = "The description must be 8,000 characters or fewer")]
        public string? Summary { get; set; }

        public string? ThemeId { get; set; }

        [Required(ErrorMessage = "Select whether the roadshow is published")]
        public string? Status { get; set; } = nameof(EventStatus.Draft);
    }
}
