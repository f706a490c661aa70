using System.ComponentModel.DataAnnotations;
using LearningHub.Content.Domain;
using LearningHub.Content.Services;
using LearningHub.Core.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Content.Pages.Manage;

/// <summary>The home page's quick links: add one (text and an http(s) or site address), remove one.</summary>
[Authorize(Policy = ContentPermissions.ManagePages)]
public sealed class QuickLinksModel(HomePageContent content) : BoardPageModel
{
    public const string BadUrl = "Enter an address starting with https:// or http://, or an address on this site starting with /";

    [BindProperty]
    public LinkInput Input { get; set; } = new();

    public IReadOnlyList<QuickLink> Links { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Links = await content.QuickLinksAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Links = await content.QuickLinksAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Input.Url) && !QuickLink.IsAllowedUrl(Input.Url.Trim()))
        {
            ModelState.AddModelError("Input.Url", BadUrl);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await content.AddQuickLinkAsync(Input.Text!.Trim(), Input.Url!.Trim(), cancellationToken);
        return RedirectToPage("/Manage/QuickLinks");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken) =>
        await content.RemoveQuickLinkAsync(id, cancellationToken) ? RedirectToPage("/Manage/QuickLinks") : NotFound();

    public sealed class LinkInput
    {
        [Display(Order = 1)]
        [Required(ErrorMessage = "Enter the link's text")]
        [StringLength(100, ErrorMessage = "The link's text must be 100 characters or fewer")]
        public string? Text { get; set; }

        [Display(Order = 2)]
        [Required(ErrorMessage = "Enter the link's address")]
        [StringLength(500, ErrorMessage = "The address must be 500 characters or fewer")]
        public string? Url { get; set; }
    }
}
