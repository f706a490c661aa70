using System.Globalization;
using LearningHub.Content.Domain;
using LearningHub.Core.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Content.Pages.Manage;

/// <summary>Which published pages are in the board's menu, and in what order (a number each; blank keeps a page out).</summary>
[Authorize(Policy = ContentPermissions.ManagePages)]
public sealed class MenuModel(Services.BoardPages pages) : BoardPageModel
{
    public const string NotAPosition = "Enter a whole number from 1 to 100, or leave it blank to keep the page out of the menu";

    /// <summary>Each published page's position as typed, by the page's id.</summary>
    [BindProperty]
    public Dictionary<Guid, string?> Positions { get; set; } = [];

    public IReadOnlyList<(BoardPage Page, string Title)> Published { get; private set; } = [];

    public bool Saved { get; private set; }

    public static string Field(Guid id) => $"Positions[{id}]";

    /// <summary>The id the error summary links to for that field.</summary>
    public static string FieldId(Guid id) => LearningHub.Theme.Base.TagHelpers.FieldIds.For(Field(id));

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Positions = Published.ToDictionary(p => p.Page.Id, p => p.Page.MenuPosition?.ToString(CultureInfo.InvariantCulture));
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var chosen = new Dictionary<Guid, int?>();
        foreach (var (page, _) in Published)
        {
            var typed = Positions.GetValueOrDefault(page.Id)?.Trim();
            if (string.IsNullOrEmpty(typed))
            {
                chosen[page.Id] = null;
            }
            else if (int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position is >= 1 and <= 100)
            {
                chosen[page.Id] = position;
            }
            else
            {
                ModelState.AddModelError(Field(page.Id), NotAPosition);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await pages.SetMenuAsync(chosen, cancellationToken);
        return RedirectToPage("/Manage/Menu", new { saved = true });
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Published = (await pages.AllAsync(cancellationToken))
            .Where(p => p.PublishedVersionId is not null)
            .Select(p => (p, p.Versions.Single(v => v.Id == p.PublishedVersionId).Title))
            .OrderBy(p => p.p.MenuPosition ?? int.MaxValue).ThenBy(p => p.Title)
            .ToList();
}
