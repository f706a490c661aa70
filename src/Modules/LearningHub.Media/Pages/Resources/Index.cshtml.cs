using LearningHub.Core.Pages;
using LearningHub.Core.Taxonomies;
using LearningHub.Media.Domain;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Media.Pages.Resources;

/// <summary>The board's resources library, newest first, filtered by theme. Public: the board publishes these documents.</summary>
public sealed class IndexModel(ResourceLibrary library, BoardTerms terms, IAuthorizationService authorization) : BoardPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Theme { get; set; }

    public IReadOnlyList<TermChoice> Themes { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> ThemeNames { get; private set; } = new Dictionary<Guid, string>();

    public TermChoice? SelectedTheme { get; private set; }

    public IReadOnlyList<Resource> Resources { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Themes = await terms.ThemesAsync(cancellationToken);
        ThemeNames = await terms.ThemeNamesAsync(cancellationToken);
        // A key that is not one of the board's themes lists everything rather than nothing.
        SelectedTheme = Themes.FirstOrDefault(t => t.Key == Theme);
        Resources = await library.ListAsync(SelectedTheme?.Id, cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, MediaPermissions.ManageMedia)).Succeeded;
    }
}
