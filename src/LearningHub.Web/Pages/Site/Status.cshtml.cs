using System.Security.Claims;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningHub.Web.Pages.Site;

/// <summary>Status code pages (re-executed by the status code middleware), in the board's theme when there is one.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(BoardContext boards) : PageModel
{
    public int Code { get; private set; }

    public BoardInfo? Board => boards.Current;

    public string UserName => User.FindFirstValue(LearningHubClaimTypes.FullName) ?? User.Identity?.Name ?? "";

    public string Title => Code switch
    {
        403 => "You do not have permission to see this page",
        404 => "Page not found",
        429 => "Too many attempts",
        400 or 405 => "Sorry, there is a problem with your request",
        _ => "Sorry, there is a problem with the service",
    };

    public IActionResult OnGet(int code) => Show(code);

    // A failed POST is re-executed as a POST, so the status page must answer it too.
    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code;
        Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        return Page();
    }
}
