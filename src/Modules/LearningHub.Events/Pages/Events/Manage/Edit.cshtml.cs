using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Core.Taxonomies;
using LearningHub.Core.Pages;
using LearningHub.Core.Validation;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events.Manage;

/// <summary>Create or change an event. Changing the time or place tells everyone booked, with an updated invite.</summary>
[Authorize(Policy = EventsPermissions.ManageEvents)]
public sealed class EditModel(LearningHubDbContext db, EventAdmin admin, FormChoices forms, IEnumerable<ILinkableLearning> linkable) : BoardPageModel
{
    [BindProperty]
    public EventInput Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public List<SelectListItem> Localities { get; private set; } = [];

    public List<SelectListItem> Themes { get; private set; } = [];

    public List<SelectListItem> Roadshows { get; private set; } = [];

    public List<SelectListItem> BaselineForms { get; private set; } = [];

    public List<SelectListItem> EvaluationForms { get; private set; } = [];

    public List<SelectListItem> FollowUpForms { get; private set; } = [];

    public int BoardFollowUpDays { get; private set; }

    /// <summary>The case modules and recommendations the event can be linked to.</summary>
    public LinkChoices Links { get; private set; } = LinkChoices.None;

    public IReadOnlyList<Sector> Sectors { get; } = Enum.GetValues<Sector>();

    public List<SelectListItem> Formats { get; } =
        Enum.GetValues<EventFormat>().Select(f => new SelectListItem(EventText.Format(f), f.ToString())).ToList();

    /// <summary>The roadshow a new session is being added to (its task list's "Add a session"); the page returns there.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? AddingTo { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        IsNew = id is null;
        await LoadChoicesAsync();
        if (id is { } eventId)
        {
            var ev = await db.Set<LearningEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId);
            if (ev is null)
            {
                return NotFound();
            }

            Input = EventInput.From(ev);
            Links = await LinkChoices.LoadAsync(linkable, ev.LinkedModules, ev.LinkedRecommendations, HttpContext.RequestAborted);
        }
        else
        {
            Links = await LinkChoices.LoadAsync(linkable, [], [], HttpContext.RequestAborted);
            // A new event asks the board's standard forms unless the coordinator chooses otherwise.
            Input.BaselineFormKey = await forms.DefaultAsync(FormPurpose.EventBaseline);
            Input.EvaluationFormKey = await forms.DefaultAsync(FormPurpose.EventEvaluation);
            Input.FollowUpFormKey = await forms.DefaultAsync(FormPurpose.FollowUp);
            if (AddingTo is { } roadshowId && !await PrefillFromRoadshowAsync(roadshowId))
            {
                return NotFound();
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        IsNew = id is null;
        await LoadChoicesAsync();
        var current = id is { } existingId
            ? await db.Set<LearningEvent>().AsNoTracking().Where(e => e.Id == existingId).Select(e => e.Links).SingleOrDefaultAsync() ?? []
            : [];
        Links = await LinkChoices.LoadAsync(linkable, current.Where(l => l.RecommendationNumber == null).Select(l => l.ModuleKey).ToList(),
            current.Where(l => l.RecommendationNumber != null).Select(l => new RecommendationRef(l.ModuleKey, l.RecommendationNumber!)).ToList(),
            HttpContext.RequestAborted);
        if (Input.LinkedModules.Any(m => !Links.HasModule(m)))
        {
            ModelState.AddModelError("Input.LinkedModules", "Select case learning modules from the list");
        }

        if (Input.LinkedRecommendations.Any(r => !Links.HasRecommendation(r)))
        {
            ModelState.AddModelError("Input.LinkedRecommendations", "Select recommendations from the list");
        }

        var details = Input.ToDetails(ModelState);
        CheckFormChoice(Input.BaselineFormKey, BaselineForms, "Input.BaselineFormKey");
        CheckFormChoice(Input.EvaluationFormKey, EvaluationForms, "Input.EvaluationFormKey");
        CheckFormChoice(Input.FollowUpFormKey, FollowUpForms, "Input.FollowUpFormKey");
        if (!ModelState.IsValid || details is null)
        {
            return Page();
        }

        if (id is { } eventId)
        {
            if (!await db.Set<LearningEvent>().AnyAsync(e => e.Id == eventId))
            {
                return NotFound();
            }

            await admin.UpdateAsync(eventId, details, HttpContext.RequestAborted);
            return RedirectToPage("/Events/Manage/Event", new { id = eventId });
        }

        var created = await admin.CreateAsync(details, ct: HttpContext.RequestAborted);
        return AddingTo is { } addingTo && created.RoadshowId == addingTo
            ? RedirectToPage("/Events/Manage/RoadshowTasks", new { id = addingTo, done = "session" })
            : RedirectToPage("/Events/Manage/Event", new { id = created.Id });
    }

    /// <summary>
    /// A new session of a roadshow starts as the roadshow (title, description, theme) and as its latest session in
    /// everything a series shares (format, places, times, rules, forms); its date, venue and locality are the coordinator's to give.
    /// </summary>
    private async Task<bool> PrefillFromRoadshowAsync(Guid roadshowId)
    {
        var roadshow = await db.Set<Roadshow>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == roadshowId);
        if (roadshow is null)
        {
            return false;
        }

        var latest = await db.Set<LearningEvent>().AsNoTracking().Where(e => e.RoadshowId == roadshowId)
            .OrderByDescending(e => e.CreatedUtc).FirstOrDefaultAsync();
        if (latest is not null)
        {
            Input = EventInput.From(latest);
            Input.Date = new();
            Input.Venue = null;
            Input.LocalityId = null;
        }

        Input.Title = roadshow.Title;
        Input.Summary = string.IsNullOrWhiteSpace(roadshow.Summary) ? Input.Summary : roadshow.Summary;
        Input.ThemeId = roadshow.ThemeId?.ToString() ?? Input.ThemeId;
        Input.RoadshowId = roadshow.Id.ToString();
        return true;
    }

    /// <summary>A posted form key must be one offered (a form of this board with the right purpose).</summary>
    private void CheckFormChoice(string? key, List<SelectListItem> offered, string field)
    {
        if (!string.IsNullOrEmpty(key) && !offered.Any(o => o.Value == key))
        {
            ModelState.AddModelError(field, "Choose one of the forms listed, or none");
        }
    }

    private async Task LoadChoicesAsync()
    {
        var choices = await forms.ListAsync([FormPurpose.EventBaseline, FormPurpose.EventEvaluation, FormPurpose.FollowUp]);
        List<SelectListItem> Of(FormPurpose purpose) => choices.Where(c => c.Purpose == purpose).Select(c => new SelectListItem(c.Title, c.Key)).ToList();
        BaselineForms = Of(FormPurpose.EventBaseline);
        EvaluationForms = Of(FormPurpose.EventEvaluation);
        FollowUpForms = Of(FormPurpose.FollowUp);
        var boardId = Board.Id;
        BoardFollowUpDays = await db.Boards.AsNoTracking().Where(b => b.Id == boardId).Select(b => b.FollowUpDays).SingleAsync();
        Localities = await db.Localities.AsNoTracking().OrderBy(l => l.SortOrder).Select(l => new SelectListItem(l.Name, l.Id.ToString())).ToListAsync();
        Themes = await db.LearningThemes.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync();
        Roadshows = await db.Set<Roadshow>().AsNoTracking().OrderBy(r => r.Title).Select(r => new SelectListItem(r.Title, r.Id.ToString())).ToListAsync();
    }

    public sealed class EventInput
    {
        [Required(ErrorMessage = "Enter a title")]
        [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Enter what the event covers")]
        [StringLength(8000, ErrorMessage = "The description must be 8,000 characters or fewer")]
        public string? Summary { get; set; }

        [Required(ErrorMessage = "Select the format")]
        public string? Format { get; set; }

        [StringLength(500, ErrorMessage = "The venue must be 500 characters or fewer")]
        public string? Venue { get; set; }

        [Url(ErrorMessage = "Enter the joining link as a full address, like https://teams.microsoft.com/...")]
        [StringLength(500, ErrorMessage = "The joining link must be 500 characters or fewer")]
        public string? JoiningLink { get; set; }

        public string? LocalityId { get; set; }

        public string? ThemeId { get; set; }

        public string? RoadshowId { get; set; }

        public DateInput Date { get; set; } = new();

        public TimeInput StartTime { get; set; } = new();

        public TimeInput EndTime { get; set; } = new();

        [Required(ErrorMessage = "Enter the number of places")]
        [Range(1, 10000, ErrorMessage = "The number of places must be between 1 and 10,000")]
        public int? Capacity { get; set; }

        [Range(0, 365, ErrorMessage = "Booking closes between 0 and 365 days before the event")]
        public int? BookingClosesDaysBefore { get; set; }

        [Range(0, 365, ErrorMessage = "The cancellation cut-off is between 0 and 365 days before the event")]
        public int? CancellationCutoffDaysBefore { get; set; }

        public bool RequiresApproval { get; set; }

        public bool WaitingListEnabled { get; set; } = true;

        [StringLength(500, ErrorMessage = "Facilitators must be 500 characters or fewer")]
        public string? Facilitators { get; set; }

        [StringLength(300, ErrorMessage = "The question must be 300 characters or fewer")]
        public string? BookingQuestion { get; set; }

        /// <summary>The keys of the case modules the event teaches, ticked from the list.</summary>
        public List<string> LinkedModules { get; set; } = [];

        /// <summary>The recommendations the event answers, ticked from the list, each as <see cref="LinkChoices.RecommendationValue"/>.</summary>
        public List<string> LinkedRecommendations { get; set; } = [];

        public bool AttendanceCountsTowardModules { get; set; }

        /// <summary>The sectors the event is for (<see cref="Sector"/> names); none means everyone.</summary>
        public List<string> Audience { get; set; } = [];

        public string? BaselineFormKey { get; set; }

        public string? EvaluationFormKey { get; set; }

        public string? FollowUpFormKey { get; set; }

        [Range(1, 730, ErrorMessage = "The follow-up is sent between 1 and 730 days after the event")]
        public int? FollowUpDays { get; set; }

        public bool FollowUpToLineManager { get; set; }

        public static EventInput From(LearningEvent ev)
        {
            var start = LondonTime.ToLondon(ev.StartUtc);
            return new EventInput
            {
                Title = ev.Title,
                Summary = ev.Summary,
                Format = ev.Format.ToString(),
                Venue = ev.Venue,
                JoiningLink = ev.JoiningLink,
                LocalityId = ev.LocalityId?.ToString(),
                ThemeId = ev.ThemeId?.ToString(),
                RoadshowId = ev.RoadshowId?.ToString(),
                Date = DateInput.Of(DateOnly.FromDateTime(start)),
                StartTime = TimeInput.Of(TimeOnly.FromDateTime(start)),
                EndTime = TimeInput.Of(TimeOnly.FromDateTime(LondonTime.ToLondon(ev.EndUtc))),
                Capacity = ev.Capacity,
                BookingClosesDaysBefore = ev.BookingClosesUtc is { } closes ? (int)Math.Round((ev.StartUtc - closes).TotalDays) : null,
                CancellationCutoffDaysBefore = ev.CancellationCutoffUtc is { } cutoff ? (int)Math.Round((ev.StartUtc - cutoff).TotalDays) : null,
                RequiresApproval = ev.RequiresApproval,
                WaitingListEnabled = ev.WaitingListEnabled,
                Facilitators = ev.Facilitators,
                BookingQuestion = ev.BookingQuestion,
                LinkedModules = ev.LinkedModules.ToList(),
                LinkedRecommendations = ev.LinkedRecommendations.Select(LinkChoices.RecommendationValue).ToList(),
                AttendanceCountsTowardModules = ev.AttendanceCountsTowardModules,
                Audience = ev.Audience.Select(a => a.ToString()).ToList(),
                BaselineFormKey = ev.BaselineFormKey,
                EvaluationFormKey = ev.EvaluationFormKey,
                FollowUpFormKey = ev.FollowUpFormKey,
                FollowUpDays = ev.FollowUpDays,
                FollowUpToLineManager = ev.FollowUpToLineManager,
            };
        }

        /// <summary>The event's details, or null with errors added when the dates do not make sense.</summary>
        public EventDetails? ToDetails(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary errors)
        {
            var date = Date.Read(errors, "Input.Date", "the date of the event");
            var startTime = StartTime.Read(errors, "Input.StartTime", "the start time");
            var endTime = EndTime.Read(errors, "Input.EndTime", "the end time");
            if (endTime <= startTime)
            {
                errors.AddModelError("Input.EndTime", "The end time must be after the start time");
            }

            var format = FormEnums.Read<EventFormat>(Format);
            if (format is null)
            {
                errors.AddModelError("Input.Format", "Select the format");
            }

            if (format is EventFormat.InPerson or EventFormat.Hybrid && string.IsNullOrWhiteSpace(Venue))
            {
                errors.AddModelError("Input.Venue", "Enter the venue for an in-person or hybrid event");
            }

            if (format is EventFormat.Online or EventFormat.Hybrid && string.IsNullOrWhiteSpace(JoiningLink))
            {
                errors.AddModelError("Input.JoiningLink", "Enter the joining link for an online or hybrid event");
            }

            var audience = new List<Sector>();
            foreach (var name in Audience.Where(a => !string.IsNullOrEmpty(a)).Distinct())
            {
                if (FormEnums.Read<Sector>(name) is { } sector)
                {
                    audience.Add(sector);
                }
                else
                {
                    errors.AddModelError("Input.Audience", "Select sectors from the list");
                }
            }

            if (!errors.IsValid)
            {
                return null;
            }

            var start = LondonTime.ToUtc(date!.Value.ToDateTime(startTime!.Value));
            var end = LondonTime.ToUtc(date.Value.ToDateTime(endTime!.Value));
            return new EventDetails(Title!.Trim(), Summary!.Trim(), format!.Value, Blank(Venue), Blank(JoiningLink),
                Guid.TryParse(LocalityId, out var locality) ? locality : null,
                Guid.TryParse(ThemeId, out var theme) ? theme : null,
                start, end, Capacity!.Value,
                null,
                BookingClosesDaysBefore is { } closes ? start.AddDays(-closes) : null,
                CancellationCutoffDaysBefore is { } cutoff ? start.AddDays(-cutoff) : null,
                RequiresApproval, WaitingListEnabled, audience.Order().ToList(),
                LinkedModules.Distinct().ToList(),
                AttendanceCountsTowardModules, Blank(Facilitators), Blank(BookingQuestion),
                Guid.TryParse(RoadshowId, out var roadshow) ? roadshow : null)
            {
                BaselineFormKey = Blank(BaselineFormKey),
                EvaluationFormKey = Blank(EvaluationFormKey),
                FollowUpFormKey = Blank(FollowUpFormKey),
                FollowUpDays = FollowUpDays,
                FollowUpToLineManager = FollowUpToLineManager,
                LinkedRecommendations = LinkedRecommendations.Distinct().Select(LinkChoices.RecommendationFrom).OfType<RecommendationRef>().ToList(),
            };
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
