using System.ComponentModel.DataAnnotations;
using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Pages.Author;

[Authorize(Policy = CasesPermissions.Author)]
public sealed class RecommendationModel(CaseWorkflow workflow, LearningHubDbContext db, CaseCatalogue catalogue)
    : PartPageModel<CaseRecommendation>(workflow, db, catalogue)
{
    [BindProperty]
    public RecommendationInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Scopes { get; } =
        Enum.GetValues<RecommendationScope>().Select(s => new SelectListItem(CaseText.Of(s), s.ToString())).ToList();

    public IReadOnlyList<SelectListItem> Statuses { get; } =
        Enum.GetValues<RecommendationStatus>().Select(s => new SelectListItem(CaseText.Of(s), s.ToString())).ToList();

    protected override IQueryable<CaseRecommendation> ItemsOf(Guid versionId) => Db.Set<CaseRecommendation>().Where(x => x.VersionId == versionId);

    protected override CaseRecommendation Create(Guid versionId, int position) => new() { VersionId = versionId, Position = position };

    protected override Guid IdOf(CaseRecommendation item) => item.Id;

    protected override System.Linq.Expressions.Expression<Func<CaseRecommendation, int>> PositionOfExpression() => x => x.Position;

    protected override void Fill(CaseRecommendation item) => Input = new RecommendationInput
    {
        Number = item.Number,
        Text = item.Text,
        Rationale = item.Rationale,
        Theme = item.ThemeId?.ToString(),
        Scope = item.Scope,
        Status = item.Status,
        StatusReason = item.StatusReason,
    };

    protected override async Task ValidateAsync(Guid versionId, CaseRecommendation? item, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Input.Theme) && ThemeFrom(Input.Theme) is null)
        {
            ModelState.AddModelError("Input.Theme", "Select a theme from the list");
        }

        var number = Input.Number?.Trim();
        if (number is not null && await ItemsOf(versionId).AnyAsync(r => r.Number == number && (item == null || r.Id != item.Id), cancellationToken))
        {
            ModelState.AddModelError("Input.Number", $"Recommendation {number} already exists in this module: use another number");
        }

        // The same rule as the board's record of later changes: Not accepted says why.
        if (Input.Status is { } status && !RecommendationRecord.HasReasonIfNeeded(status, Input.StatusReason))
        {
            ModelState.AddModelError("Input.StatusReason", RecommendationRecord.ReasonMissing);
        }
    }

    protected override void Apply(CaseRecommendation item)
    {
        item.Number = Input.Number!.Trim();
        item.Text = Input.Text!.Trim();
        item.Rationale = string.IsNullOrWhiteSpace(Input.Rationale) ? null : Input.Rationale.Trim();
        item.ThemeId = ThemeFrom(Input.Theme);
        item.Scope = Input.Scope!.Value;
        item.Status = Input.Status ?? RecommendationStatus.NotYetKnown;
        item.StatusReason = string.IsNullOrWhiteSpace(Input.StatusReason) ? null : Input.StatusReason.Trim();
    }

    public sealed class RecommendationInput
    {
        [Display(Order = 1)]
        [Required(ErrorMessage = "Enter the recommendation's number, for example 1 or 2a")]
        [StringLength(20, ErrorMessage = "The number must be 20 characters or fewer")]
        public string? Number { get; set; }

        [Display(Order = 2)]
        [Required(ErrorMessage = "Enter the recommendation, in the board's words")]
        [StringLength(3000, ErrorMessage = "The recommendation must be 3,000 characters or fewer")]
        public string? Text { get; set; }

        [Display(Order = 3)]
        [StringLength(3000, ErrorMessage = "The rationale must be 3,000 characters or fewer")]
        public string? Rationale { get; set; }

        [Display(Order = 4)]
        public string? Theme { get; set; }

        [Display(Order = 5)]
        [Required(ErrorMessage = "Select the scope")]
        public RecommendationScope? Scope { get; set; }

        [Display(Order = 6)]
        public RecommendationStatus? Status { get; set; }

        [Display(Order = 7)]
        [StringLength(2000, ErrorMessage = "The reason must be 2,000 characters or fewer")]
        public string? StatusReason { get; set; }
    }
}
