using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningHub.Web.Pages.Account;

/// <summary>Where someone lands after deleting their account (signed out by then, so open to anyone).</summary>
public sealed class DeletedModel(BoardContext boards) : PageModel
{
    public string BoardSlug => boards.Required.Slug;

    public string BoardName => boards.Required.Name;

    public void OnGet()
    {
    }
}
