using System.ComponentModel.DataAnnotations;
using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningHub.Cases.Pages.Author;

/// <summary>Add or edit one practice action of the draft: what someone in a role does differently because of the review.</summary>
[Authorize(Policy = CasesPermissions.Author)]
public sealed class ActionModel(CaseWorkflow workflow, LearningHubDbContext db, CaseCatalogue catalogue)
    : PartPageModel<CasePracticeAction>(workflow, db, catalogue)
{
    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public static IReadOnlyList<SelectListItem> Roles { get; } =
        Enum.GetValues<PracticeRole>().Select(r => new SelectListItem(CaseText.Of(r), r.ToString())).ToList();

    protected override IQueryable<CasePracticeAction> ItemsOf(Guid versionId) => Db.Set<CasePracticeAction>().Where(x => x.VersionId == versionId);

    protected override CasePracticeAction Create(Guid versionId, int position) => new() { VersionId = versionId, Position = position };

    protected override Guid IdOf(CasePracticeAction item) => item.Id;

    protected override System.Linq.Expressions.Expression<Func<CasePracticeAction, int>> PositionOfExpression() => x => x.Position;

    protected override void Fill(CasePracticeAction item) => Input = new ActionInput { Role = item.Role, Text = item.Text };

    protected override void Apply(CasePracticeAction item)
    {
        item.Role = Input.Role!.Value;
        item.Text = Input.Text!.Trim();
    }

    public sealed class ActionInput
    {
        [Display(Order = 1)]
        [Required(ErrorMessage = "Select who the action is for")]
        public PracticeRole? Role { get; set; }

        [Display(Order = 2)]
        [Required(ErrorMessage = "Enter the action")]
        [StringLength(1000, ErrorMessage = "The action must be 1,000 characters or fewer")]
        public string? Text { get; set; }
    }
}
