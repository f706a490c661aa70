using System.ComponentModel.DataAnnotations;
using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Cases.Pages.Author;

[Authorize(Policy = CasesPermissions.Author)]
public sealed class ChronologyModel(CaseWorkflow workflow, LearningHubDbContext db, CaseCatalogue catalogue)
    : PartPageModel<CaseChronologyEntry>(workflow, db, catalogue)
{
    [BindProperty]
    public EntryInput Input { get; set; } = new();

    protected override IQueryable<CaseChronologyEntry> ItemsOf(Guid versionId) => Db.Set<CaseChronologyEntry>().Where(x => x.VersionId == versionId);

    protected override CaseChronologyEntry Create(Guid versionId, int position) => new() { VersionId = versionId, Position = position };

    protected override Guid IdOf(CaseChronologyEntry item) => item.Id;

    protected override System.Linq.Expressions.Expression<Func<CaseChronologyEntry, int>> PositionOfExpression() => x => x.Position;

    protected override void Fill(CaseChronologyEntry item) => Input = new EntryInput { When = item.When, What = item.What, Agencies = item.Agencies };

    protected override void Apply(CaseChronologyEntry item)
    {
        item.When = Input.When!.Trim();
        item.What = Input.What!.Trim();
        item.Agencies = string.IsNullOrWhiteSpace(Input.Agencies) ? null : Input.Agencies.Trim();
    }

    public sealed class EntryInput
    {
        [Display(Order = 1)]
        [Required(ErrorMessage = "Enter when it happened, for example March 2016")]
        [StringLength(100, ErrorMessage = "When it happened must be 100 characters or fewer")]
        public string? When { get; set; }

        [Display(Order = 2)]
        [Required(ErrorMessage = "Enter what happened")]
        [StringLength(1000, ErrorMessage = "What happened must be 1,000 characters or fewer")]
        public string? What { get; set; }

        [Display(Order = 3)]
        [StringLength(300, ErrorMessage = "The agencies must be 300 characters or fewer")]
        public string? Agencies { get; set; }
    }
}
