using LearningHub.Core.Boards;
using LearningHub.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningHub.Web.Pages.Admin.People;

/// <summary>The confirmation after an administrator erased an account.</summary>
[Authorize(Policy = CorePermissions.ManageAccounts)]
public sealed class ErasedModel(BoardContext boards) : PageModel
{
    public string BoardSlug => boards.Required.Slug;

    public void OnGet()
    {
    }
}
