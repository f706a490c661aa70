using LearningHub.Core.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Content.Pages.Manage.Pages;

/// <summary>The new-page and edit pages: the typed words, bound and shown again as typed when something is wrong.</summary>
[Authorize(Policy = ContentPermissions.ManagePages)]
public abstract class PageFormModel : BoardPageModel
{
    [BindProperty]
    public PageInput Input { get; set; } = new();
}
