using LearningHub.Cases.Domain;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Services;

/// <summary>Who is acting: their id, name and whether they are a board administrator (who may review their own work).</summary>
public sealed record Actor(string UserId, string Name, bool IsBoardAdmin);

/// <summary>A workflow step that is not allowed now, with the reason to show.</summary>
public sealed class WorkflowException(string message) : Exception(message);

/// <summary>
/// Draft → In review → Published → Archived. A module's working version is edited while Draft, sent for
/// review, then published (becoming the version practitioners see, the previous one superseded) or returned
/// with a comment. A reviewer is a board administrator or an author other than the one who sent it.
/// </summary>
public sealed class CaseWorkflow(LearningHubDbContext db, TimeProvider clock, AuditLog audit, SectionReflection reflection)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<CaseModule> CreateAsync(Actor actor, string slug, Action<CaseModuleVersion> fill, CancellationToken cancellationToken = default)
    {
        if (await db.Set<CaseModule>().AnyAsync(m => m.Slug == slug, cancellationToken))
        {
            throw new WorkflowException("A module with this web address already exists");
        }

        var module = new CaseModule { Slug = slug, CreatedUtc = Now, CreatedByUserId = actor.UserId, Status = CaseModuleStatus.Draft };
        var version = new CaseModuleVersion { ModuleId = module.Id, Number = 1, State = VersionState.Draft, CreatedUtc = Now };
        fill(version);
        module.Title = version.Title;
        module.Versions.Add(version);
        module.WorkingVersionId = version.Id;
        db.Add(module);
        await db.SaveChangesAsync(cancellationToken);
        return module;
    }

    /// <summary>Starts the next version as a draft copy of the published one.</summary>
    public async Task<CaseModuleVersion> StartRevisionAsync(Guid moduleId, CancellationToken cancellationToken = default)
    {
        var module = await db.Set<CaseModule>().SingleOrDefaultAsync(m => m.Id == moduleId, cancellationToken)
                     ?? throw new WorkflowException("The module was not found");
        if (module.WorkingVersionId is not null)
        {
            throw new WorkflowException("This module already has a version being written or reviewed");
        }

        if (module.PublishedVersionId is not { } publishedId || module.Status == CaseModuleStatus.Archived)
        {
            throw new WorkflowException("Only a published module can be revised");
        }

        var published = await CaseVersions.LoadAsync(db, publishedId, tracking: false, cancellationToken)
                        ?? throw new WorkflowException("The published version was not found");
        var number = await db.Set<CaseModuleVersion>().Where(v => v.ModuleId == moduleId).MaxAsync(v => v.Number, cancellationToken) + 1;
        var draft = new CaseModuleVersion { ModuleId = moduleId, Number = number, State = VersionState.Draft, CreatedUtc = Now };
        CaseVersions.CopyContent(published, draft);
        db.Add(draft);
        module.WorkingVersionId = draft.Id;
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    public async Task SubmitAsync(Guid moduleId, Actor actor, CancellationToken cancellationToken = default)
    {
        var (module, version) = await WorkingAsync(moduleId, cancellationToken);
        if (version.State != VersionState.Draft)
        {
            throw new WorkflowException("Only a draft can be sent for review");
        }

        var sections = await db.Set<CaseSection>().CountAsync(s => s.VersionId == version.Id, cancellationToken);
        if (sections == 0)
        {
            throw new WorkflowException("Add at least one section before sending the module for review");
        }

        version.State = VersionState.InReview;
        version.SubmittedByUserId = actor.UserId;
        version.SubmittedUtc = Now;
        if (module.PublishedVersionId is null)
        {
            module.Status = CaseModuleStatus.InReview;
        }

        Record(module, version.Id, ReviewAction.Submitted, actor, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ReturnAsync(Guid moduleId, Actor actor, string comment, CancellationToken cancellationToken = default)
    {
        var (module, version) = await InReviewAsync(moduleId, actor, cancellationToken);
        version.State = VersionState.Draft;
        if (module.PublishedVersionId is null)
        {
            module.Status = CaseModuleStatus.Draft;
        }

        Record(module, version.Id, ReviewAction.Returned, actor, comment);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task PublishAsync(Guid moduleId, Actor actor, CancellationToken cancellationToken = default)
    {
        var (module, working) = await InReviewAsync(moduleId, actor, cancellationToken);
        var version = await CaseVersions.LoadAsync(db, working.Id, tracking: true, cancellationToken) ?? working;
        if (module.PublishedVersionId is { } previousId
            && await db.Set<CaseModuleVersion>().SingleOrDefaultAsync(v => v.Id == previousId, cancellationToken) is { } previous)
        {
            previous.State = VersionState.Superseded;
        }

        version.State = VersionState.Published;
        version.PublishedUtc = Now;
        version.PublishedByUserId = actor.UserId;
        version.SearchText = CaseSearch.TextOf(version);
        var questions = await reflection.QuestionCountsAsync(module.Slug, version.Sections, cancellationToken);
        version.EstimatedMinutes = EstimatedTime.Minutes(version, questions.Values.Sum());
        module.PublishedVersionId = version.Id;
        module.WorkingVersionId = null;
        module.Status = CaseModuleStatus.Published;
        module.Title = version.Title;
        module.ArchivedUtc = null;
        Record(module, version.Id, ReviewAction.Published, actor, null);
        audit.Record("cases.module.published", new AuditTarget("CaseModule", module.Id.ToString(), module.Title),
            new { module.Slug, version = version.Number }, new AuditActor(actor.UserId, actor.Name));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ArchiveAsync(Guid moduleId, Actor actor, CancellationToken cancellationToken = default)
    {
        var module = await db.Set<CaseModule>().SingleOrDefaultAsync(m => m.Id == moduleId, cancellationToken)
                     ?? throw new WorkflowException("The module was not found");
        if (module.Status != CaseModuleStatus.Published || module.PublishedVersionId is not { } versionId)
        {
            throw new WorkflowException("Only a published module can be archived");
        }

        module.Status = CaseModuleStatus.Archived;
        module.ArchivedUtc = Now;
        Record(module, versionId, ReviewAction.Archived, actor, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The working version, tracked, if it is still a draft; otherwise a reason why it cannot be edited.</summary>
    public async Task<CaseModuleVersion> EditableAsync(Guid moduleId, CancellationToken cancellationToken = default)
    {
        var (_, version) = await WorkingAsync(moduleId, cancellationToken);
        return version.State == VersionState.Draft
            ? version
            : throw new WorkflowException("This version is in review: it can be changed again if the reviewer returns it");
    }

    private async Task<(CaseModule, CaseModuleVersion)> WorkingAsync(Guid moduleId, CancellationToken cancellationToken)
    {
        var module = await db.Set<CaseModule>().SingleOrDefaultAsync(m => m.Id == moduleId, cancellationToken)
                     ?? throw new WorkflowException("The module was not found");
        var version = module.WorkingVersionId is { } id
            ? await db.Set<CaseModuleVersion>().SingleOrDefaultAsync(v => v.Id == id, cancellationToken)
            : null;
        return (module, version ?? throw new WorkflowException("This module has no draft: start a revision to change it"));
    }

    private async Task<(CaseModule, CaseModuleVersion)> InReviewAsync(Guid moduleId, Actor actor, CancellationToken cancellationToken)
    {
        var (module, version) = await WorkingAsync(moduleId, cancellationToken);
        if (version.State != VersionState.InReview)
        {
            throw new WorkflowException("This version is not waiting for review");
        }

        if (!MayReview(version, actor))
        {
            throw new WorkflowException("Another author or a board administrator must review a module you sent for review");
        }

        return (module, version);
    }

    /// <summary>
    /// Whether the actor may publish or return this version: anyone but the person who sent it for review, unless they
    /// are a board administrator. The author page offers review only when this holds; <see cref="PublishAsync"/> and
    /// <see cref="ReturnAsync"/> refuse when it does not.
    /// </summary>
    public static bool MayReview(CaseModuleVersion version, Actor actor) => version.SubmittedByUserId != actor.UserId || actor.IsBoardAdmin;

    private void Record(CaseModule module, Guid versionId, ReviewAction action, Actor actor, string? comment) =>
        db.Add(new CaseReviewEvent
        {
            ModuleId = module.Id,
            VersionId = versionId,
            Action = action,
            UserId = actor.UserId,
            UserName = actor.Name,
            Comment = comment,
            AtUtc = Now,
        });
}
