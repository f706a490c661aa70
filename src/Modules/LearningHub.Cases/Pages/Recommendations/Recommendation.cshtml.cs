using System.ComponentModel.DataAnnotations;
using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Core.Time;
using LearningHub.Core.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Pages.Recommendations;

/// <summary>A row of a recommendation's history as the page shows it.</summary>
public sealed record HistoryRow(RecommendationStatus Status, DateOnly On, string? Note, string? EvidenceUrl, string? OwnerAgency, DateOnly? TargetDate,
    string RecordedBy, DateTime RecordedUtc);

/// <summary>
/// One recommendation of a published review: its words, current status and history, the learning that answers it
/// (its module, and the events, roadshows and forms other modules link to it), and, for those who keep the board's
/// record, a form to record a change of status.
/// </summary>
[Authorize(Policy = CasesPermissions.TrackRecommendations)]
public sealed class RecommendationModel(RecommendationRecord record, LearningHubDbContext db, CaseCatalogue catalogue,
    IEnumerable<IRecommendationAnswers> answers, IEnumerable<IRecommendationImpact> impact, IAuthorizationService authorization, TimeProvider clock)
    : CasesPageModel
{
    [BindProperty]
    public UpdateInput Input { get; set; } = new();

    public PublishedRecommendation Recommendation { get; private set; } = null!;

    public string? ThemeName { get; private set; }

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    public IReadOnlyList<AnsweringLearning> Learning { get; private set; } = [];

    public List<SelectListItem> Agencies { get; private set; } = [];

    /// <summary>Who the learning reached and the change measured (from the Impact module, when it is installed).</summary>
    public RecommendationImpact? Impact { get; private set; }

    public IReadOnlyList<SelectListItem> Statuses { get; } =
        RecommendationRecord.Recordable.Select(s => new SelectListItem(CaseText.Of(s), s.ToString())).ToList();

    public bool CanRecord { get; private set; }

    /// <summary>Shows the confirmation after a change was recorded (the redirect after the post says so).</summary>
    [BindProperty(SupportsGet = true, Name = "recorded")]
    public bool Recorded { get; set; }

    private DateOnly Today => DateOnly.FromDateTime(LondonTime.ToLondon(clock.GetUtcNow().UtcDateTime));

    public async Task<IActionResult> OnGetAsync(string slug, string number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, number, cancellationToken))
        {
            return NotFound();
        }

        Input.On = DateInput.Of(Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, number, cancellationToken))
        {
            return NotFound();
        }

        if (!CanRecord)
        {
            return Forbid();
        }

        var change = Input.Read(ModelState, Agencies, Today);
        if (!ModelState.IsValid || change is null)
        {
            return Page();
        }

        await record.RecordAsync(Recommendation, change, Actor, cancellationToken);
        return RedirectToPage(new { slug, number, recorded = true });
    }

    private async Task<bool> LoadAsync(string slug, string number, CancellationToken cancellationToken)
    {
        if (await record.FindAsync(slug, number, cancellationToken) is not { } recommendation)
        {
            return false;
        }

        Recommendation = recommendation;
        CanRecord = (await authorization.AuthorizeAsync(User, CasesPermissions.RecordRecommendations)).Succeeded;
        ThemeName = (await catalogue.ThemesAsync(cancellationToken)).FirstOrDefault(t => t.Id == recommendation.ThemeId)?.Name;
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        Agencies = agencies.Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
        var names = agencies.ToDictionary(a => a.Id, a => a.Name);
        History = (await record.HistoryAsync(recommendation.ModuleId, number, cancellationToken))
            .Select(u => new HistoryRow(u.Status, u.On, u.Note, u.EvidenceUrl, u.OwnerAgencyId is { } id ? names.GetValueOrDefault(id) : null, u.TargetDate,
                u.RecordedByName, u.RecordedUtc))
            .ToList();
        var learning = new List<AnsweringLearning>();
        foreach (var source in answers)
        {
            learning.AddRange(await source.ForAsync(new RecommendationRef(recommendation.ModuleSlug, recommendation.Number), cancellationToken));
        }

        Learning = learning;
        if (impact.FirstOrDefault() is { } figures)
        {
            Impact = await figures.ForAsync(new RecommendationRef(recommendation.ModuleSlug, recommendation.Number), cancellationToken);
        }

        return true;
    }

    public sealed class UpdateInput
    {
        [Display(Order = 1)]
        [Required(ErrorMessage = "Select the recommendation's status")]
        public RecommendationStatus? Status { get; set; }

        [Display(Order = 2)]
        public DateInput On { get; set; } = new();

        [Display(Order = 3)]
        [StringLength(2000, ErrorMessage = "The note must be 2,000 characters or fewer")]
        public string? Note { get; set; }

        [Display(Order = 4)]
        [StringLength(500, ErrorMessage = "The evidence link must be 500 characters or fewer")]
        public string? EvidenceUrl { get; set; }

        [Display(Order = 5)]
        public string? OwnerAgency { get; set; }

        [Display(Order = 6)]
        public DateInput TargetDate { get; set; } = new();

        /// <summary>The change, or null with field errors added for what is wrong.</summary>
        public RecommendationChange? Read(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary errors, IReadOnlyList<SelectListItem> agencies, DateOnly today)
        {
            if (Status is { } chosen && !RecommendationRecord.Recordable.Contains(chosen))
            {
                errors.AddModelError("Input.Status", "Select the recommendation's status");
            }

            var on = On.Read(errors, "Input.On", "the date of the change");
            if (on > today)
            {
                errors.AddModelError("Input.On", "The date of the change must be today or in the past");
            }

            if (Status is { } status && !RecommendationRecord.HasReasonIfNeeded(status, Note))
            {
                errors.AddModelError("Input.Note", RecommendationRecord.ReasonMissing);
            }

            if (!string.IsNullOrWhiteSpace(EvidenceUrl)
                && !(Uri.TryCreate(EvidenceUrl.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                errors.AddModelError("Input.EvidenceUrl", "Enter the evidence link as a full web address, like https://www.example.org/report");
            }

            Guid? owner = null;
            if (!string.IsNullOrEmpty(OwnerAgency))
            {
                if (agencies.Any(a => a.Value == OwnerAgency))
                {
                    owner = Guid.Parse(OwnerAgency);
                }
                else
                {
                    errors.AddModelError("Input.OwnerAgency", "Select an agency from the list");
                }
            }

            var target = TargetDate.Read(errors, "Input.TargetDate", "the target date", required: false);
            return errors.IsValid && Status is { } s && on is { } date ? new RecommendationChange(s, date, Note, EvidenceUrl, owner, target) : null;
        }
    }
}
