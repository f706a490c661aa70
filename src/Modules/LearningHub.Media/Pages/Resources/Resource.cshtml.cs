using LearningHub.Core.Boards;
using LearningHub.Core.Pages;
using LearningHub.Core.Taxonomies;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Media.Pages.Resources;

/// <summary>One resource: what it is, its date, themes, kind and size, and its download or the learning it links to.</summary>
public sealed class ResourceModel(ResourceLibrary library, BoardTerms terms, IAuthorizationService authorization, BoardLinks links) : BoardPageModel
{
    public Domain.Resource Resource { get; private set; } = null!;

    public IReadOnlyList<string> ThemeNames { get; private set; } = [];

    public bool CanManage { get; private set; }

    /// <summary>Where the resource's learning is on this site, as a link; null when it names none.</summary>
    public string? LearningHref => Resource.LinkPath is { } path ? links.UnderBoard(path) : null;

    [BindProperty(SupportsGet = true)]
    public bool Added { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Changed { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } resource)
        {
            return NotFound();
        }

        Resource = resource;
        var names = await terms.ThemeNamesAsync(cancellationToken);
        ThemeNames = resource.Themes.Select(t => names.GetValueOrDefault(t.ThemeId)).OfType<string>().Order().ToList();
        CanManage = (await authorization.AuthorizeAsync(User, MediaPermissions.ManageMedia)).Succeeded;
        return Page();
    }
}
