using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Content.Pages.Manage.Pages;

/// <summary>Start a page: its first draft, then the preview to publish it from.</summary>
public sealed class NewModel(Services.BoardPages pages) : PageFormModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await Input.ValidateAsync(ModelState, nameof(Input), pages, null, cancellationToken) is not { } words)
        {
            return Page();
        }

        var page = await pages.CreateAsync(words, UserName, cancellationToken);
        return RedirectToPage("/Manage/Pages/Preview", new { id = page.Id });
    }
}
