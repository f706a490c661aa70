using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using LearningHub.Media.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Pages.Author;

/// <summary>Choose the module's cover image from the board's media library (or none).</summary>
[Authorize(Policy = CasesPermissions.Author)]
public sealed class CoverModel(LearningHubDbContext db) : CoverImagePageModel
{
    public CaseModule Module { get; private set; } = null!;

    protected override async Task<(bool Found, Guid? Current)> LoadOwnerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Set<CaseModule>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } module)
        {
            return (false, null);
        }

        Module = module;
        return (true, module.CoverImageId);
    }

    protected override async Task SaveCoverAsync(Guid? imageId, CancellationToken cancellationToken)
    {
        Module.CoverImageId = imageId;
        await db.SaveChangesAsync(cancellationToken);
    }

    protected override string ReturnPage => "/Author/Module";
}
