using System.ComponentModel.DataAnnotations;
using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Cases.Pages.Author;

[Authorize(Policy = CasesPermissions.Author)]
public sealed class FindingModel(CaseWorkflow workflow, LearningHubDbContext db, CaseCatalogue catalogue)
    : PartPageModel<CaseFinding>(workflow, db, catalogue)
{
    [BindProperty]
    public FindingInput Input { get; set; } = new();

    protected override IQueryable<CaseFinding> ItemsOf(Guid versionId) => Db.Set<CaseFinding>().Where(x => x.VersionId == versionId);

    protected override CaseFinding Create(Guid versionId, int position) => new() { VersionId = versionId, Position = position };

    protected override Guid IdOf(CaseFinding item) => item.Id;

    protected override System.Linq.Expressions.Expression<Func<CaseFinding, int>> PositionOfExpression() => x => x.Position;

    protected override void Fill(CaseFinding item) =>
        Input = new FindingInput { Text = item.Text, Theme = item.ThemeId?.ToString(), LinesOfEnquiry = item.LinesOfEnquiry };

    protected override Task ValidateAsync(Guid versionId, CaseFinding? item, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Input.Theme) && ThemeFrom(Input.Theme) is null)
        {
            ModelState.AddModelError("Input.Theme", "Select a theme from the list");
        }

        return Task.CompletedTask;
    }

    protected override void Apply(CaseFinding item)
    {
        item.Text = Input.Text!.Trim();
        item.ThemeId = ThemeFrom(Input.Theme);
        item.LinesOfEnquiry = string.IsNullOrWhiteSpace(Input.LinesOfEnquiry) ? null : Input.LinesOfEnquiry.Trim();
    }

    public sealed class FindingInput
    {
        [Display(Order = 1)]
        [Required(ErrorMessage = "Enter the finding")]
        [StringLength(2000, ErrorMessage = "The finding must be 2,000 characters or fewer")]
        public string? Text { get; set; }

        [Display(Order = 2)]
        public string? Theme { get; set; }

        [Display(Order = 3)]
        [StringLength(1000, ErrorMessage = "The lines of enquiry must be 1,000 characters or fewer")]
        public string? LinesOfEnquiry { get; set; }
    }
}
