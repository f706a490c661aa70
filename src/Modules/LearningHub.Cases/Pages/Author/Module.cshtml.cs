using System.ComponentModel.DataAnnotations;
using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using LearningHub.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Pages.Author;

/// <summary>
/// A module for its authors: the version being worked on with its sections, chronology, findings and
/// recommendations; sending it for review, reviewing it (publish or return with a comment), revising and archiving.
/// Deleting a part is asked about first on <see cref="DeleteModel"/>.
/// </summary>
[Authorize(Policy = CasesPermissions.Author)]
public sealed class ModuleModel(LearningHubDbContext db, CaseWorkflow workflow, CaseCatalogue catalogue, BoardPermissions permissions,
    SectionReflection reflection) : CasesPageModel
{
    public CaseModule Module { get; private set; } = null!;

    /// <summary>The working version if there is one, else the published one (read only).</summary>
    public PublishedModule? Shown { get; private set; }

    public bool IsWorking => Shown is not null && Shown.Version.Id == Module.WorkingVersionId;

    public bool CanEdit => IsWorking && Shown!.Version.State == VersionState.Draft;

    public bool CanReview { get; private set; }

    /// <summary>Whether this person is offered publish and return for the version in review: a reviewer who did not send it (<see cref="CaseWorkflow.MayReview"/>).</summary>
    public bool OffersReview => IsWorking && Shown!.Version.State == VersionState.InReview && CanReview && CaseWorkflow.MayReview(Shown.Version, Actor);

    public IReadOnlyList<CaseReviewEvent> History { get; private set; } = [];

    public IReadOnlyList<int> PublishedNumbers { get; private set; } = [];

    /// <summary>Reflective questions per section id, from the forms attached to the sections.</summary>
    public IReadOnlyDictionary<Guid, int> QuestionCounts { get; private set; } = new Dictionary<Guid, int>();

    [BindProperty]
    [Display(Name = "Comment for the author")]
    [StringLength(2000, ErrorMessage = "The comment must be 2,000 characters or fewer")]
    public string? ReturnComment { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => workflow.SubmitAsync(id, Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReviseAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => workflow.StartRevisionAsync(id, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) =>
        await CanReviewAsync() ? await ActAsync(id, () => workflow.PublishAsync(id, Actor, cancellationToken), cancellationToken) : Forbid();

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken cancellationToken) =>
        await CanReviewAsync() ? await ActAsync(id, () => workflow.ArchiveAsync(id, Actor, cancellationToken), cancellationToken) : Forbid();

    public async Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await CanReviewAsync())
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(ReturnComment))
        {
            ModelState.AddModelError(nameof(ReturnComment), "Enter a comment saying what the author should change");
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        return await ActAsync(id, () => workflow.ReturnAsync(id, Actor, ReturnComment!.Trim(), cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid sectionId, bool up, CancellationToken cancellationToken) =>
        await ActAsync(id, async () =>
        {
            var version = await workflow.EditableAsync(id, cancellationToken);
            var sections = await db.Set<CaseSection>().Where(s => s.VersionId == version.Id).OrderBy(s => s.Position).ToListAsync(cancellationToken);
            var index = sections.FindIndex(s => s.Id == sectionId);
            var other = up ? index - 1 : index + 1;
            if (index >= 0 && other >= 0 && other < sections.Count)
            {
                (sections[index], sections[other]) = (sections[other], sections[index]);
                for (var i = 0; i < sections.Count; i++)
                {
                    sections[i].Position = i;
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }, cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, CancellationToken cancellationToken)
    {
        if (!await db.Set<CaseModule>().AnyAsync(m => m.Id == id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await action();
        }
        catch (WorkflowException e)
        {
            ModelState.AddModelError("", e.Message);
            db.ChangeTracker.Clear();
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        return RedirectToPage("/Author/Module", new { id });
    }

    private Task<bool> CanReviewAsync() => permissions.HasAsync(User, CasesPermissions.Review);

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var module = await db.Set<CaseModule>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (module is null)
        {
            return false;
        }

        Module = module;
        if ((module.WorkingVersionId ?? module.PublishedVersionId) is { } versionId
            && await CaseVersions.LoadAsync(db, versionId, tracking: false, cancellationToken) is { } version)
        {
            Shown = await catalogue.WithNamesAsync(module, PublishedVersions.Render(version), cancellationToken);
            QuestionCounts = await reflection.QuestionCountsAsync(module.Slug, version.Sections, cancellationToken);
        }

        CanReview = await CanReviewAsync();
        History = await db.Set<CaseReviewEvent>().AsNoTracking().Where(e => e.ModuleId == id).OrderByDescending(e => e.AtUtc).ToListAsync(cancellationToken);
        PublishedNumbers = await db.Set<CaseModuleVersion>().Where(v => v.ModuleId == id && v.PublishedUtc != null)
            .OrderBy(v => v.Number).Select(v => v.Number).ToListAsync(cancellationToken);
        return true;
    }
}
