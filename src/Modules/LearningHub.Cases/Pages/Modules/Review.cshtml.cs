using LearningHub.Cases.Services;
using LearningHub.Core.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace LearningHub.Cases.Pages.Modules;

/// <summary>The review at a glance: chronology as a timeline, findings grouped by theme, the recommendations table.</summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class ReviewModel(CaseCatalogue catalogue) : CasesPageModel
{
    public PublishedModule Published { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var published = await catalogue.PublishedAsync(slug, cancellationToken);
        if (published is null)
        {
            return NotFound();
        }

        Published = published;
        return Page();
    }
}
