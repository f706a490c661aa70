using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events.Manage;

/// <summary>A task's status on a GOV.UK task list: <see cref="TagClass"/> null for a finished task (plain text).</summary>
public sealed record TaskListStatus(string Id, string Text, string? TagClass);

/// <summary>
/// Building a roadshow as a GOV.UK task list: its details, cover image, sessions (each with its status, and "Add a
/// session" filled in from the roadshow), the forms its sessions ask, and publishing it with its draft sessions.
/// </summary>
[Authorize(Policy = EventsPermissions.ManageEvents)]
public sealed class RoadshowTasksModel(LearningHubDbContext db, EventQueries queries, EventAdmin admin) : BoardPageModel
{
    public Roadshow Roadshow { get; private set; } = default!;

    public IReadOnlyList<EventSummary> Sessions { get; private set; } = [];

    public string? Notice { get; private set; }

    public bool DetailsDone => !string.IsNullOrWhiteSpace(Roadshow.Title) && !string.IsNullOrWhiteSpace(Roadshow.Summary);

    /// <summary>The first session (not cancelled) that sends no evaluation; null when every one does.</summary>
    public EventSummary? SessionWithoutEvaluation { get; private set; }

    private int _withoutEvaluation;

    public bool FormsDone => Sessions.Count > 0 && _withoutEvaluation == 0;

    public string FormsStatus => Sessions.Count == 0 ? "Cannot start yet" : FormsDone ? "Completed" : "Incomplete";

    public string FormsHint => Sessions.Count == 0
        ? "Add a session first"
        : FormsDone ? "Every session sends its evaluation when its register is closed"
        : $"{EventText.Count(_withoutEvaluation, "session has", "sessions have")} no evaluation form: choose one under Change or move";

    public bool Published => Roadshow.Status == EventStatus.Published && Sessions.All(s => s.Status != EventStatus.Draft);

    public bool CanPublish => !Published && Roadshow.Status != EventStatus.Cancelled && DetailsDone && Sessions.Any(s => s.Status != EventStatus.Cancelled);

    public string PublishStatus => Published ? "Published" : CanPublish ? "Not yet started" : "Cannot start yet";

    public string PublishLabel
    {
        get
        {
            var drafts = Sessions.Count(s => s.Status == EventStatus.Draft);
            return drafts == 0 ? "Publish the roadshow" : $"Publish the roadshow and {EventText.Count(drafts, "draft session")}";
        }
    }

    public int TaskCount => 5;

    public int DoneCount => new[] { DetailsDone, Roadshow.CoverImageId is not null, Sessions.Count > 0, FormsDone, Published }.Count(done => done);

    public static TaskListStatus SessionStatus(EventSummary session, int index) => new($"session-{index}-status",
        session.Status == EventStatus.Draft ? "Draft" : session.Status.ToString(),
        session.Status switch
        {
            EventStatus.Published => null,
            EventStatus.Cancelled => "govuk-tag--red",
            _ => "govuk-tag--blue",
        });

    public async Task<IActionResult> OnGetAsync(Guid id, string? done)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Notice = done switch
        {
            "session" => "The session is added to the roadshow.",
            "published" => "The roadshow and its sessions are published: practitioners can now book.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!CanPublish)
        {
            ModelState.AddModelError(string.Empty, Sessions.Count == 0
                ? "Add a session before you publish the roadshow"
                : "Give the roadshow a title and description before you publish it");
            return Page();
        }

        foreach (var draft in Sessions.Where(s => s.Status == EventStatus.Draft))
        {
            await admin.PublishAsync(draft.Id, HttpContext.RequestAborted);
        }

        var roadshow = await db.Set<Roadshow>().SingleAsync(r => r.Id == id);
        roadshow.Status = EventStatus.Published;
        await db.SaveChangesAsync();
        return RedirectToPage(new { id, done = "published" });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var roadshow = await db.Set<Roadshow>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (roadshow is null)
        {
            return false;
        }

        Roadshow = roadshow;
        Sessions = await queries.SessionsOfAsync(id, includeDrafts: true);
        var withoutEvaluation = await db.Set<LearningEvent>().AsNoTracking()
            .Where(e => e.RoadshowId == id && e.Status != EventStatus.Cancelled && e.EvaluationFormKey == null)
            .Select(e => e.Id).ToListAsync();
        _withoutEvaluation = withoutEvaluation.Count;
        SessionWithoutEvaluation = Sessions.FirstOrDefault(s => withoutEvaluation.Contains(s.Id));
        return true;
    }
}
