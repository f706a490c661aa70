using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningHub.Web.Pages.Account;

public sealed class CheckEmailModel : PageModel
{
    public void OnGet()
    {
    }
}
