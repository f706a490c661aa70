using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace LearningHub.Cases.Pages.Modules;

/// <summary>A module's start page: what it is, the content warning and support first, then its sections as a task list.</summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class ModuleModel(CaseCatalogue catalogue, CaseLearning learning) : CasesPageModel
{
    public PublishedModule Published { get; private set; } = null!;

    public CaseModuleVersion Version => Published.Version;

    public CaseProgress? Progress { get; private set; }

    public string? CertificateCode { get; private set; }

    /// <summary>Keys of the sections whose reflective questions the signed-in person has still to answer.</summary>
    public IReadOnlySet<Guid> Unanswered { get; private set; } = new HashSet<Guid>();

    /// <summary>The parts of the review this module is one of, when it is in parts (Child V's two episodes' modules).</summary>
    public IReadOnlyList<ModulePart> Parts => Published.Parts;

    /// <summary>The modules of those parts the signed-in person has completed.</summary>
    public IReadOnlySet<Guid> PartsCompleted { get; private set; } = new HashSet<Guid>();

    public bool IsDone(CaseSection section) => Progress?.SectionsDone.Any(d => d.SectionId == section.Id) == true;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var published = await catalogue.PublishedAsync(slug, cancellationToken);
        if (published is null)
        {
            return NotFound();
        }

        Published = published;
        if (UserId is { } userId)
        {
            if (Parts.Count > 0)
            {
                PartsCompleted = await learning.CompletedModulesAsync(userId, Parts.Select(p => p.ModuleId).ToList(), cancellationToken);
            }

            Progress = await learning.FindAsync(userId, Version.Id, cancellationToken);
            if (Progress?.CompletedUtc is not null)
            {
                CertificateCode = await learning.CertificateCodeAsync(Progress.Id, cancellationToken);
            }
            else
            {
                Unanswered = await learning.UnansweredSectionsAsync(Version, userId, cancellationToken);
            }
        }

        return Page();
    }
}
