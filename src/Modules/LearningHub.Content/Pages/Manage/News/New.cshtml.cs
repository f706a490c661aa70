using LearningHub.Content.Services;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Content.Pages.Manage.News;

/// <summary>Add a news item; it shows on the home page and the news page at once.</summary>
public sealed class NewModel(BoardNews news, HomePageContent content) : NewsFormModel
{
    public void OnGet() => Input.Date = LearningHub.Core.Validation.DateInput.Of(content.Today);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Validate(ModelState) is not { } words)
        {
            return Page();
        }

        var item = await news.AddAsync(words, cancellationToken);
        return RedirectToPage("/Manage/News/Edit", new { id = item.Id, saved = true });
    }
}
