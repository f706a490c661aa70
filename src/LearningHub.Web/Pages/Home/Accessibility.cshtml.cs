using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningHub.Web.Pages.Home;

public sealed class AccessibilityModel(BoardContext boards) : PageModel
{
    public BoardInfo Board => boards.Required;
}
