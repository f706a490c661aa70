using LearningHub.Core.Pages;
using LearningHub.Theme.Base;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Content.Pages.Manage.Pages;

/// <summary>"Are you sure" before a published page leaves the site and the menu; only this page's POST withdraws it.</summary>
[Authorize(Policy = ContentPermissions.ManagePages)]
public sealed class WithdrawModel(Services.BoardPages pages) : BoardPageModel
{
    public AreYouSure Question { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await pages.FindAsync(id, cancellationToken) is not { PublishedVersionId: not null } page)
        {
            return NotFound();
        }

        var title = page.Versions.Single(v => v.Id == page.PublishedVersionId).Title;
        Question = new AreYouSure("Are you sure you want to withdraw this page?", title, "Yes, withdraw this page",
            Url.Page("/Manage/Pages/Edit", new { id })!,
            "Readers will get \"page not found\" at its address and it leaves the menu. Its words are kept as a draft, so you can publish it again.");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await pages.FindAsync(id, cancellationToken) is not { PublishedVersionId: not null } page)
        {
            return NotFound();
        }

        await pages.WithdrawAsync(page, UserName, cancellationToken);
        return RedirectToPage("/Manage/Pages/Edit", new { id, withdrawn = true });
    }
}
