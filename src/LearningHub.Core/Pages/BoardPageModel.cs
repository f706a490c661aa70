using System.Security.Claims;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Core.Pages;

/// <summary>
/// What every page under <c>/{board}/</c> needs: the board the request is for and who is signed in.
/// Links and redirects need no board slug: <c>asp-page</c> and <c>RedirectToPage</c> keep the
/// request's board (see <c>BoardUrlHelperFactory</c> in the web host). A row that is not there (or
/// not this board's) ends the request with 404 through <see cref="NotFound.OrNotFound{T}(T)"/>.
/// </summary>
public abstract class BoardPageModel : PageModel
{
    /// <summary>Resolved by the host from the <c>{board}</c> segment before the page runs.</summary>
    public BoardInfo Board => HttpContext.RequestServices.GetRequiredService<BoardContext>().Required;

    /// <summary>The signed-in person's account id, or null for a visitor.</summary>
    protected string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The signed-in person's name as their profile gives it, or their sign-in name.</summary>
    protected string UserName => User.FindFirstValue(LearningHubClaimTypes.FullName) ?? User.Identity?.Name ?? "";

    protected bool IsBoardAdmin => User.IsInRole(BoardRoles.BoardAdmin);
}
