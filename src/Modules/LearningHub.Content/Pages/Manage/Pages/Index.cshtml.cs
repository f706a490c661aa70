using LearningHub.Content.Domain;
using LearningHub.Core.Pages;
using Microsoft.AspNetCore.Authorization;

namespace LearningHub.Content.Pages.Manage.Pages;

/// <summary>The board's site content: its pages with their state, and the way to the home page, menu and news.</summary>
[Authorize(Policy = ContentPermissions.ManagePages)]
public sealed class IndexModel(Services.BoardPages pages) : BoardPageModel
{
    public IReadOnlyList<BoardPage> Pages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Pages = await pages.AllAsync(cancellationToken);

    public static string Title(BoardPage page) => Services.BoardPages.Current(page).Title;

    public static string State(BoardPage page) => (page.PublishedVersionId, page.DraftVersionId) switch
    {
        (null, _) => "Draft, not published",
        (_, null) => "Published",
        _ => "Published, with changes in a draft",
    };
}
