using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningHub.Web.Pages.Site;

/// <summary>The list of boards on this deployment.</summary>
public sealed class IndexModel(BoardDirectory directory) : PageModel
{
    public IReadOnlyList<BoardInfo> Boards { get; private set; } = [];

    public async Task OnGetAsync() => Boards = await directory.ListAsync(HttpContext.RequestAborted);
}
