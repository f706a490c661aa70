using System.Security.Claims;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Cases.Pages;

/// <summary>What every Cases page needs: the board and who is signed in.</summary>
public abstract class CasesPageModel : PageModel
{
    public BoardInfo Board => HttpContext.RequestServices.GetRequiredService<BoardContext>().Required;

    public string BoardSlug => Board.Slug;

    protected string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    protected string UserName => User.FindFirstValue(LearningHubClaimTypes.FullName) ?? User.Identity?.Name ?? "";

    protected bool IsBoardAdmin => User.IsInRole(BoardRoles.BoardAdmin);

    protected Services.Actor Actor => new(UserId!, UserName, IsBoardAdmin);

    /// <summary>This site's address as the browser sees it, for links in mail and QR codes.</summary>
    protected string SiteUrl => $"{Request.Scheme}://{Request.Host}";
}
