using LearningHub.Content.Domain;
using LearningHub.Content.Services;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Content.Pages.Manage.News;

/// <summary>Change a news item, go to choose its image, or remove it.</summary>
public sealed class EditModel(BoardNews news, MediaLibrary media) : NewsFormModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public NewsItem Item { get; private set; } = default!;

    public MediaImage? Image { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = NewsInput.Of(Item);
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Input.Validate(ModelState) is not { } words)
        {
            return Page();
        }

        await news.SaveAsync(Item, words, cancellationToken);
        return RedirectToPage("/Manage/News/Edit", new { id = Id, saved = true });
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        await news.RemoveAsync(Item, cancellationToken);
        return RedirectToPage("/Manage/News/Index");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await news.FindAsync(Id, cancellationToken) is not { } item)
        {
            return false;
        }

        Item = item;
        Image = item.ImageId is { } imageId ? await media.FindImageAsync(imageId, cancellationToken) : null;
        return true;
    }
}
